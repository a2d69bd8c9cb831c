package dev.regionguard.tools.plugin;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kubectl regionguard <command>}: the on-call commands, run by the {@code kubectl-regionguard} launcher. */
@Command(
        name = "kubectl regionguard",
        mixinStandardHelpOptions = true,
        version = "kubectl-regionguard 0.1.0",
        description = "Status and failovers of RegionGuard protections, as the README's on-call runbook does them.",
        subcommands = {
            StatusCommand.class,
            FailoverCommands.Failover.class,
            FailoverCommands.Relocate.class,
            FailoverCommands.Plan.class,
            FailoverCommands.Drill.class,
            PauseCommands.Pause.class,
            PauseCommands.Resume.class
        })
public final class KubectlPlugin implements Runnable {
    /** Colour only for a person at a terminal: never when piped, never in tests, never with NO_COLOR set. */
    final boolean colour;

    KubectlPlugin(boolean colour) {
        this.colour = colour;
    }

    public static void main(String[] args) {
        // Before the first logger: logs to standard error only, so that standard output is the answer alone.
        System.setProperty("logback.configurationFile", "logback-kubectl-regionguard.xml");
        boolean terminal = System.console() != null && System.getenv("NO_COLOR") == null;
        System.exit(dev.regionguard.operator.Main.execute(new KubectlPlugin(terminal), args));
    }

    /** Runs a command line without colour, writing to out and err: 0 success, 1 failure, 2 usage error. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return dev.regionguard.operator.Main.execute(new KubectlPlugin(false), out, err, args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
