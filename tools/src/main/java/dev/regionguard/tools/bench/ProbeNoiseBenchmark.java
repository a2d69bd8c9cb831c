package dev.regionguard.tools.bench;

import dev.regionguard.api.FailoverMode;
import dev.regionguard.failover.AutomaticFailoverPolicy;
import dev.regionguard.failover.StandbyReadiness;
import dev.regionguard.health.ProbeOutcome;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.spec.FailoverSettings;
import dev.regionguard.spec.HealthCheckSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * False failovers from random probe loss over a long simulated run: the operator's pure health and
 * failover decisions with an injected clock and a seeded random, no I/O.
 */
final class ProbeNoiseBenchmark {
    private static final int ATTEMPTS = HealthCheckSettings.ATTEMPTS_PER_PROBE;
    private static final String PRIMARY = "us-south";
    private static final String STANDBY = "us-east";

    private ProbeNoiseBenchmark() {}

    /**
     * A healthy active region probed every 10 s for {@code hours}, each request lost (no answer) with
     * probability {@code loss}; a probe fails only when all its attempts are lost, as the operator's
     * probes do ({@link HealthCheckSettings#ATTEMPTS_PER_PROBE}). Every automatic failover decision is a false one. Also
     * reported for single-attempt probes and higher thresholds, so the trade-off is visible.
     */
    static Map<String, Object> noise(int hours, double loss, long seed) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("simulated_hours", hours);
        figures.put("probe_interval_s", 10);
        figures.put("probe_loss", loss);
        figures.put("attempts_per_probe", ATTEMPTS);
        figures.put("false_failovers", falseFailovers(hours, loss, seed, 3, ATTEMPTS));
        figures.put("false_failovers_single_attempt", falseFailovers(hours, loss, seed, 3, 1));
        for (int threshold = 4; threshold <= 6; threshold++) {
            figures.put(
                    "false_failovers_single_attempt_threshold_" + threshold,
                    falseFailovers(hours, loss, seed, threshold, 1));
        }
        return figures;
    }

    static long falseFailovers(int hours, double loss, long seed, int failureThreshold, int attempts) {
        HealthCheckSettings health =
                new HealthCheckSettings(Duration.ofSeconds(10), Duration.ofSeconds(5), failureThreshold, 2);
        AutomaticFailoverPolicy policy = new AutomaticFailoverPolicy(
                new FailoverSettings(FailoverMode.Automatic, Duration.ofMinutes(30), null), health);
        List<StandbyReadiness> ready = List.of(new StandbyReadiness(STANDBY, true, "in sync", Instant.EPOCH, false));
        Random random = new Random(seed);
        Instant now = Instant.EPOCH;
        RegionHealth active = RegionHealth.unknown(now);
        Instant lastFailover = null;
        long decisions = 0;
        long probes = hours * 360L;
        for (long i = 0; i < probes; i++) {
            now = now.plusSeconds(10);
            boolean lost = true;
            for (int a = 0; a < attempts && lost; a++) {
                lost = random.nextDouble() < loss;
            }
            ProbeOutcome outcome =
                    lost ? ProbeOutcome.timedOut(health.timeout()) : new ProbeOutcome.Success(Duration.ofMillis(40));
            active = active.next(outcome, health, now);
            AutomaticFailoverPolicy.Situation situation =
                    new AutomaticFailoverPolicy.Situation(PRIMARY, active, ready, lastFailover, false);
            if (policy.decide(situation, now).isPresent()) {
                decisions++;
                lastFailover = now; // counted, then imagined relocated back: the region never failed
            }
        }
        return decisions;
    }
}
