package dev.regionguard.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The IBM Cloud simulator as a server, for curl, IBM's SDKs or an operator run by hand. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Serve simulated IBM Cloud IAM, Event Notifications and Code Engine on a loopback port.",
            "Any API key is accepted except those passed with --revoked-key."
        })
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "8090",
            description = "Loopback port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--instance",
            paramLabel = "REGION=INSTANCE_ID",
            description =
                    "An Event Notifications instance to serve; repeat for more. The GUID may be omitted (REGION=) to get a random one.")
    List<String> instances = new ArrayList<>();

    @Option(
            names = "--project",
            paramLabel = "REGION=PROJECT_ID",
            description =
                    "A Code Engine project to serve (active at once); repeat for more. The ID may be omitted (REGION=).")
    List<String> projects = new ArrayList<>();

    @Option(
            names = "--seed",
            defaultValue = "0",
            paramLabel = "N",
            description = "Seed the first instance with about N realistic entities (default ${DEFAULT-VALUE}: none).")
    int seed;

    @Option(
            names = "--latency",
            defaultValue = "0ms",
            converter = LatencyConverter.class,
            description = "Latency added to every call, e.g. 20ms or 1s (default ${DEFAULT-VALUE}).")
    Duration latency;

    @Option(names = "--revoked-key", paramLabel = "KEY", description = "An API key IAM refuses; repeatable.")
    List<String> revokedKeys = new ArrayList<>();

    /** The simulator on its own: {@code java -jar regionguard-simulator.jar --instance us-south=}. */
    public static void main(String[] args) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.exit(commandLine().execute(args));
    }

    /** A bad argument costs one line on stderr and exit code 2; the usage is for {@code --help}. */
    static CommandLine commandLine() {
        return new CommandLine(new SimulateCommand()).setParameterExceptionHandler(SimulateCommand::oneLine);
    }

    private static int oneLine(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(command.getCommandName() + ": " + e.getMessage() + " (see --help)");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, List<String>> instancesByRegion = parse(instances, "--instance");
        Map<String, List<String>> projectsByRegion = parse(projects, "--project");
        Set<String> regions = new LinkedHashSet<>(instancesByRegion.keySet());
        regions.addAll(projectsByRegion.keySet());
        if (regions.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give at least one --instance or --project");
        }
        IbmCloudSimulator sim = IbmCloudSimulator.builder()
                .regions(regions.toArray(String[]::new))
                .port(port)
                .build()
                .start();
        PrintStream out = System.out;
        serveInstances(sim, instancesByRegion, out);
        serveProjects(sim, projectsByRegion, out);
        revokedKeys.forEach(sim::revokeApiKey);
        printSettings(sim, out);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    /** Creates the instances (the first one seeded when {@code --seed} asks) and slows their regions. */
    private void serveInstances(IbmCloudSimulator sim, Map<String, List<String>> byRegion, PrintStream out) {
        boolean first = true;
        for (Map.Entry<String, List<String>> e : byRegion.entrySet()) {
            String region = e.getKey();
            sim.faults(region).latency(latency);
            out.println(region + " Event Notifications: " + sim.eventNotificationsUrl(region));
            for (String id : e.getValue()) {
                String instance = id.isEmpty() ? sim.createEventNotificationsInstance(region) : id;
                if (!id.isEmpty()) {
                    sim.createEventNotificationsInstance(region, id);
                }
                if (first && seed > 0) {
                    sim.seedEventNotifications(region, instance, seed, 42);
                    out.println("  instance " + instance + " (seeded with about " + seed + " entities)");
                } else {
                    out.println("  instance " + instance);
                }
                first = false;
            }
        }
    }

    private static void serveProjects(IbmCloudSimulator sim, Map<String, List<String>> byRegion, PrintStream out) {
        byRegion.forEach((region, ids) -> {
            out.println(region + " Code Engine: " + sim.codeEngineUrl(region));
            for (String id : ids) {
                String project = id.isEmpty() ? sim.createCodeEngineProject(region) : id;
                if (!id.isEmpty()) {
                    sim.createCodeEngineProject(region, id);
                }
                out.println("  project " + project);
            }
        });
    }

    private static void printSettings(IbmCloudSimulator sim, PrintStream out) {
        out.println("IAM: " + sim.iamUrl() + "  (token: POST " + sim.iamUrl() + "/identity/token)");
        out.println("Fault control: " + sim.baseUrl() + "/_sim/regions/{region}/down|up|latency|error-rate|throttle");
        out.println("Operator settings: REGIONGUARD_IAM_URL=" + sim.iamUrl()
                + " REGIONGUARD_EN_ENDPOINT_TEMPLATE=" + sim.eventNotificationsTemplate()
                + " REGIONGUARD_CE_ENDPOINT_TEMPLATE=" + sim.codeEngineTemplate());
        out.println("Serving until stopped (Ctrl-C).");
        out.flush();
    }

    private Map<String, List<String>> parse(List<String> pairs, String option) {
        Map<String, List<String>> byRegion = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || !pair.substring(0, eq).matches("[a-z]{2}-[a-z]{2,5}")) {
                throw new ParameterException(
                        spec.commandLine(),
                        option + " wants REGION=ID, e.g. us-south=5b2c0d4e-8f1a-4c3b-9d2e-7a6f1e0c3b21, not '" + pair
                                + "'");
            }
            String id = pair.substring(eq + 1);
            if (!id.isEmpty() && !seen.add(id)) {
                throw new ParameterException(spec.commandLine(), option + " " + id + " given twice");
            }
            byRegion.computeIfAbsent(pair.substring(0, eq), r -> new ArrayList<>())
                    .add(id);
        }
        return byRegion;
    }

    /** {@code --latency} as milliseconds ({@code 20ms}) or seconds ({@code 1s}), checked before anything starts. */
    static final class LatencyConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s)");

        @Override
        public Duration convert(String value) {
            Matcher m = DURATION.matcher(value);
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (use e.g. 20ms, 1s)");
            }
            long n = Long.parseLong(m.group(1));
            return m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMillis(n);
        }
    }
}
