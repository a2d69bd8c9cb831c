package dev.regionguard.tools.cli;

import dev.regionguard.tools.bench.Benchmark;
import dev.regionguard.tools.bench.ScaleBenchmark;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints speed figures measured on the simulator; a command, not a timed test. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure sync speed on the simulator: initial sync against the naive copy, and a steady-state pass.",
            "Prints a table, then one 'BENCH <scenario> key=value ...' line per scenario."
        })
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--entities",
            defaultValue = "" + Benchmark.DEFAULT_ENTITIES,
            description = "Entities in the Event Notifications primary (default ${DEFAULT-VALUE}).")
    int entities;

    @Option(
            names = "--ce-resources",
            defaultValue = "" + Benchmark.DEFAULT_CE_RESOURCES,
            description = "Resources in the Code Engine primary project (default ${DEFAULT-VALUE}).")
    int ceResources;

    @Option(
            names = "--latency",
            defaultValue = "20ms",
            converter = OptionChecks.DurationConverter.class,
            description = "Simulated latency per call (default ${DEFAULT-VALUE}).")
    Duration latency;

    @Option(
            names = "--concurrency",
            defaultValue = "8",
            description = "In-flight calls per region (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--no-failover",
            description = "Skip the failover scenarios (outage to active region, false failovers).")
    boolean noFailover;

    @Option(
            names = "--steady-entities",
            defaultValue = "0",
            description = "Also: the steady pass alone over an EN instance of this many entities, e.g. 10000"
                    + " (en.steady10k); default none.")
    int steadyEntities;

    @Option(
            names = "--scale",
            arity = "0..1",
            fallbackValue = "200",
            description = "Instead: N protections (default 200; EN and CE, 2 standbys, --scale-entities each) on the"
                    + " real operator; time to all Ready, then a steady window. Run with java -Xmx512m.")
    Integer scale;

    @Option(
            names = "--scale-entities",
            defaultValue = "200",
            description = "Entities per protection in --scale (default ${DEFAULT-VALUE}).")
    int scaleEntities;

    @Option(
            names = "--scale-steady",
            defaultValue = "60s",
            converter = OptionChecks.DurationConverter.class,
            description = "Steady window of --scale (default ${DEFAULT-VALUE}).")
    Duration scaleSteady;

    @Override
    public Integer call() throws Exception {
        if (scale != null) {
            OptionChecks.require(spec, scale >= 1, "--scale must be at least 1: " + scale);
            return new ScaleBenchmark(scale, scaleEntities, latency, scaleSteady).run(System.out);
        }
        OptionChecks.require(spec, entities >= 8, "--entities must be at least 8 (one of each kind): " + entities);
        OptionChecks.require(spec, ceResources >= 20, "--ce-resources must be at least 20: " + ceResources);
        OptionChecks.require(spec, concurrency >= 1, "--concurrency must be at least 1: " + concurrency);
        return new Benchmark(System.out, entities, ceResources, latency, concurrency, !noFailover, steadyEntities)
                .run();
    }
}
