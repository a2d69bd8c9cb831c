package dev.regionguard.tools.cli;

import dev.regionguard.operator.RunCommand;
import dev.regionguard.simulator.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar tools/target/regionguard.jar <command>}: run, simulate, demo, bench, chaos, sandbox. */
@Command(
        name = "regionguard",
        mixinStandardHelpOptions = true,
        version = "regionguard 0.1.0",
        description = "Cross-region standbys and failover for IBM Cloud Event Notifications and Code Engine.",
        subcommands = {
            RunCommand.class,
            SimulateCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            ChaosCommand.class,
            SandboxCommand.class
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(dev.regionguard.operator.Main.launch(new Main(), args));
    }

    /** Runs a command line and returns its exit code: 0 success, 1 failure, 2 usage error. */
    public static int execute(String... args) {
        return dev.regionguard.operator.Main.execute(new Main(), args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
