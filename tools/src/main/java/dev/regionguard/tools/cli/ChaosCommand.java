package dev.regionguard.tools.cli;

import dev.regionguard.tools.chaos.ChaosResult;
import dev.regionguard.tools.chaos.ChaosRun;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Seeded chaos rounds on the simulator against the real sync engine; exit 1 when any round fails. */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = {
            "Random primary changes and injected faults against the real sync engine, checked after every pass.",
            "Prints each failing round with its replay command, then one 'CHAOS service=...' line per service."
        })
final class ChaosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--service", defaultValue = "all", description = "en, ce or all (default ${DEFAULT-VALUE}).")
    String service;

    @Option(names = "--rounds", defaultValue = "100", description = "Rounds per service (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed; round R uses Random(seed + R) (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start-round", defaultValue = "0", description = "First round (default ${DEFAULT-VALUE}).")
    int startRound;

    @Option(
            names = "--fault-rate",
            defaultValue = "0.2",
            description = "Fraction of calls that fail during the faulty passes (default ${DEFAULT-VALUE}).")
    double faultRate;

    @Option(names = "--entities", description = "Entities in the primary (default: 200 for en, 40 for ce).")
    Integer entities;

    @Option(
            names = "--verbose",
            description = "Show the sync engine's warnings as they happen (every injected fault makes one).")
    boolean verbose;

    @Override
    public Integer call() {
        OptionChecks.require(
                spec, List.of("en", "ce", "all").contains(service), "--service must be en, ce or all: " + service);
        OptionChecks.require(spec, faultRate >= 0 && faultRate <= 1, "--fault-rate must be from 0 to 1: " + faultRate);
        OptionChecks.require(spec, rounds >= 1, "--rounds must be at least 1: " + rounds);
        OptionChecks.require(spec, startRound >= 0, "--start-round must not be negative: " + startRound);
        OptionChecks.require(spec, entities == null || entities >= 20, "--entities must be at least 20: " + entities);
        if (!verbose) {
            EngineLog.errorsOnly();
        }
        List<String> services = "all".equals(service) ? List.of("en", "ce") : List.of(service);
        boolean passed = true;
        for (String s : services) {
            int count = entities != null ? entities : "ce".equals(s) ? 40 : 200;
            ChaosResult result = new ChaosRun(s, count, faultRate, seed).run(startRound, rounds);
            result.failures().forEach(System.out::print);
            System.out.println(result.line());
            passed &= result.passed();
        }
        return passed ? 0 : 1;
    }
}
