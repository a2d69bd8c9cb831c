package dev.regionguard.tools.cli;

import dev.regionguard.tools.bench.Benchmark;
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

    @Override
    public Integer call() throws Exception {
        OptionChecks.require(spec, entities >= 8, "--entities must be at least 8 (one of each kind): " + entities);
        OptionChecks.require(spec, ceResources >= 20, "--ce-resources must be at least 20: " + ceResources);
        OptionChecks.require(spec, concurrency >= 1, "--concurrency must be at least 1: " + concurrency);
        return new Benchmark(System.out, entities, ceResources, latency, concurrency, !noFailover).run();
    }
}
