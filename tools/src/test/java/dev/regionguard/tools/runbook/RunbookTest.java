package dev.regionguard.tools.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.eventnotifications.HttpEventNotificationsClients;
import dev.regionguard.testing.OperatorHarness;
import dev.regionguard.tools.demo.DemoSeed;
import dev.regionguard.tools.demo.SampleFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every kubectl command of the README's on-call runbook, in order, against the samples:
 * the embedded Kubernetes API, the IBM Cloud simulator and the operator. A command that fails,
 * or a README change that breaks one, fails this test.
 */
class RunbookTest {
    private static final Path ROOT = Path.of(System.getProperty("regionguard.projectRoot", ".."));
    private static OperatorHarness harness;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start("us-south", "us-east");
        List<HasMetadata> samples = SampleFiles.read(ROOT.resolve("config/samples"));
        EventNotificationsProtection enp = samples.stream()
                .filter(EventNotificationsProtection.class::isInstance)
                .map(EventNotificationsProtection.class::cast)
                .findFirst()
                .orElseThrow();
        harness.simulator().createEventNotificationsInstance("us-south", enp.getSpec().primary.instanceId);
        harness.simulator()
                .createEventNotificationsInstance(
                        "us-east", enp.getSpec().standbys.get(0).instanceId);
        var clients =
                HttpEventNotificationsClients.create(harness.endpoints(), HttpSettings.defaults(), CallObserver.NONE);
        new DemoSeed(clients.forInstance("us-south", enp.getSpec().primary.instanceId, new ApiKey("runbook"))).create();
        // Faster than the samples, so the test does not wait minutes for passes and probes.
        enp.getSpec().sync.interval = "2s";
        enp.getSpec().healthCheck.interval = "1s";
        enp.getSpec().healthCheck.timeout = "500ms";
        for (HasMetadata object : samples) {
            harness.client()
                    .resource(object)
                    .inNamespace(OperatorHarness.NAMESPACE)
                    .create();
        }
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void everyRunbookCommandWorks() throws Exception {
        assumeTrue(kubectlInstalled(), "kubectl is not installed on this machine");
        List<String> commands = runbookCommands(Files.readString(ROOT.resolve("README.md")));
        assertThat(commands).as("commands found in the runbook").hasSizeGreaterThan(10);
        Path kubeconfig = work.resolve("kubeconfig");
        Files.writeString(kubeconfig, harness.kubeconfig());
        harness.awaitStatus(
                "orders-notifications",
                Duration.ofSeconds(60),
                s -> dev.regionguard.api.Conditions.isTrue(s.conditions, dev.regionguard.api.Conditions.READY)
                        && s.regions.size() == 2
                        && s.regions.stream().allMatch(r -> r.state == dev.regionguard.api.HealthState.Healthy));
        for (String command : commands) {
            Result result =
                    command.startsWith("kubectl wait ") ? waitFor(command, kubeconfig) : run(command, kubeconfig);
            assertThat(result.exitCode())
                    .as(() -> command + "\n" + result.output() + "\n" + state())
                    .isZero();
        }
    }

    /** What the resources say, for a failure message. */
    private static String state() {
        return io.fabric8.kubernetes.client.utils.Serialization.asYaml(harness.client()
                        .resources(dev.regionguard.api.RegionFailover.class)
                        .inNamespace(OperatorHarness.NAMESPACE)
                        .list())
                + io.fabric8.kubernetes.client.utils.Serialization.asYaml(
                        harness.get("orders-notifications").getStatus());
    }

    /** The kubectl lines of the README's "On-call runbook" section, in order. */
    static List<String> runbookCommands(String readme) {
        int start = readme.indexOf("## On-call runbook");
        int end = readme.indexOf("\n## ", start + 1);
        List<String> commands = new ArrayList<>();
        boolean inCode = false;
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (inCode && line.startsWith("kubectl ")) {
                commands.add(line);
            }
        }
        return commands;
    }

    private record Result(int exitCode, String output) {}

    private static final Pattern TIMEOUT = Pattern.compile("--timeout=(\\d+)s");

    /**
     * The embedded API cannot stream watches (kubectl's watch is a long GET; the mock server only
     * watches over WebSocket), so {@code kubectl wait} only sees its first check: run it with a short
     * timeout, again and again, within the timeout the runbook gives it.
     */
    private static Result waitFor(String command, Path kubeconfig) {
        Matcher m = TIMEOUT.matcher(command);
        Duration budget = m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : Duration.ofSeconds(30);
        String quick = TIMEOUT.matcher(command).replaceAll("--timeout=1s");
        AtomicReference<Result> last = new AtomicReference<>(new Result(-1, "never ran"));
        try {
            await().atMost(budget).pollInterval(Duration.ofMillis(500)).until(() -> {
                last.set(run(quick, kubeconfig));
                return last.get().exitCode() == 0;
            });
        } catch (ConditionTimeoutException e) {
            // reported by the caller with the last output
        }
        return last.get();
    }

    private static Result run(String command, Path kubeconfig) throws IOException, InterruptedException {
        // The embedded API serves no OpenAPI document for kubectl's client-side validation.
        String line = command.startsWith("kubectl create -f") ? command + " --validate=false" : command;
        ProcessBuilder pb =
                new ProcessBuilder("bash", "-c", line).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", work.toString()); // a fresh discovery cache per run
        Process process = pb.start();
        if (!process.waitFor(330, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static boolean kubectlInstalled() {
        try {
            return new ProcessBuilder("kubectl", "version", "--client").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
