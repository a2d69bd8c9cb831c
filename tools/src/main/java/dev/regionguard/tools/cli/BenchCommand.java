package dev.regionguard.tools.cli;

import dev.regionguard.spec.Durations;
import dev.regionguard.tools.bench.Benchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints speed figures measured on the simulator; a command, not a timed test. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure sync speed on the simulator: initial sync against the naive copy, and a steady-state pass.",
            "Prints a table, then one 'BENCH <scenario> key=value ...' line per scenario."
        })
final class BenchCommand implements Callable<Integer> {
    @Option(
            names = "--entities",
            defaultValue = "1000",
            description = "Entities in the Event Notifications primary (default ${DEFAULT-VALUE}).")
    int entities;

    @Option(
            names = "--ce-resources",
            defaultValue = "200",
            description = "Resources in the Code Engine primary project (default ${DEFAULT-VALUE}).")
    int ceResources;

    @Option(
            names = "--latency",
            defaultValue = "20ms",
            description = "Simulated latency per call (default ${DEFAULT-VALUE}).")
    String latency;

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
        return new Benchmark(System.out, entities, ceResources, Durations.parse(latency), concurrency, !noFailover)
                .run();
    }
}
