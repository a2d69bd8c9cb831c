package dev.regionguard.tools.cli;

import dev.regionguard.tools.chaos.ChaosResult;
import dev.regionguard.tools.chaos.ChaosRun;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Seeded chaos rounds on the simulator against the real sync engine; exit 1 when any round fails. */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = {
            "Random primary changes and injected faults against the real sync engine, checked after every pass.",
            "Prints each failing round with its replay command, then one 'CHAOS service=...' line per service."
        })
final class ChaosCommand implements Callable<Integer> {
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
        if (!verbose) {
            EngineLog.errorsOnly();
        }
        List<String> services = switch (service) {
            case "en", "ce" -> List.of(service);
            case "all" -> List.of("en", "ce");
            default -> throw new IllegalArgumentException("--service must be en, ce or all: " + service);
        };
        if (!(faultRate >= 0 && faultRate <= 1) || rounds < 1 || startRound < 0) {
            throw new IllegalArgumentException("need 0 <= --fault-rate <= 1, --rounds >= 1, --start-round >= 0");
        }
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
