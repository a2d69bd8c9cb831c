package dev.regionguard.operator;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar regionguard-operator.jar run}: the production entry point, the image's command. */
@Command(
        name = "regionguard",
        mixinStandardHelpOptions = true,
        version = "regionguard 0.1.0",
        description = "Cross-region standbys and failover for IBM Cloud Event Notifications and Code Engine.",
        subcommands = RunCommand.class)
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(launch(new Main(), args));
    }

    /** Sets what must be set before the first logger exists, then runs the command line of root. */
    public static int launch(Object root, String... args) {
        // The JDK HTTP server (probes, metrics) otherwise answers ~40 ms late (Nagle + delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if ("json".equalsIgnoreCase(System.getenv("REGIONGUARD_LOG_FORMAT"))) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        return execute(root, args);
    }

    /** Runs a command line and returns its exit code: 0 success, 1 failure, 2 usage error. */
    public static int execute(Object root, String... args) {
        return execute(root, null, null, args);
    }

    /** As {@link #execute(Object, String...)}, writing to out and err instead of the console (null: console). */
    public static int execute(Object root, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(root);
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            // A failure is one line for the person at the terminal; the stack trace is for a bug report.
            command.getErr().println("regionguard " + command.getCommandName() + ": " + oneLine(e));
            if (Boolean.parseBoolean(System.getenv("REGIONGUARD_DEBUG"))) {
                e.printStackTrace(command.getErr());
            }
            command.getErr().flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            // One line, not a page of usage: scripts and people both read it.
            e.getCommandLine()
                    .getErr()
                    .println("regionguard: " + e.getMessage() + " (see '"
                            + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return CommandLine.ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("") + " (REGIONGUARD_DEBUG=true prints the stack trace)";
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
