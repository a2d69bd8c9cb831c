package dev.regionguard.tools.cli;

import dev.regionguard.tools.demo.Demo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Everything in one process: simulated regions, embedded Kubernetes API, operator, samples. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run RegionGuard end to end on simulated IBM Cloud regions and an embedded Kubernetes API:",
            "apply config/samples/, watch the standby sync, change the primary, watch it follow."
        })
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--samples",
            defaultValue = "config/samples",
            description = "Directory of sample manifests (default ${DEFAULT-VALUE}).")
    Path samples;

    @Option(
            names = "--latency",
            defaultValue = "10ms",
            converter = OptionChecks.DurationConverter.class,
            description = "Simulated latency per IBM Cloud call (default ${DEFAULT-VALUE}).")
    Duration latency;

    @Option(
            names = "--verbose",
            description = "Show the operator's and the simulator's log lines between the narrative.")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException, IOException {
        OptionChecks.requireSamples(spec, samples);
        EngineLog.toTempFileUnless(verbose, "regionguard-demo-");
        return new Demo(System.out, samples, latency).run();
    }
}
