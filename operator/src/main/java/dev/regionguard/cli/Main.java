package dev.regionguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar regionguard.jar <command>}: run, simulate, demo, bench. */
@Command(name = "regionguard", mixinStandardHelpOptions = true, version = "regionguard 0.1.0",
        description = "Cross-region standbys and failover for IBM Cloud Event Notifications and Code Engine.",
        subcommands = {RunCommand.class, SimulateCommand.class, DemoCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // The JDK HTTP server (simulator, probes) otherwise answers ~40 ms late (Nagle + delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if ("json".equalsIgnoreCase(System.getenv("REGIONGUARD_LOG_FORMAT"))) {
            // Must be set before the first logger exists.
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code: 0 success, 1 failure, 2 usage error. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((e, a) -> {
            // One line, not a page of usage: scripts and people both read it.
            e.getCommandLine().getErr().println("regionguard: " + e.getMessage() + " (see '"
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return CommandLine.ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
