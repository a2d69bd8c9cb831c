package dev.regionguard.tools.bench;

import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.HealthState;
import dev.regionguard.failover.AutomaticFailoverPolicy;
import dev.regionguard.failover.StandbyReadiness;
import dev.regionguard.failover.VantageQuorum;
import dev.regionguard.health.ProbeOutcome;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.spec.FailoverSettings;
import dev.regionguard.spec.HealthCheckSettings;
import dev.regionguard.spec.QuorumSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * False failovers from partitions between one vantage point and one region, over a long simulated run:
 * the operator and two witnesses probe both regions every 10 s with the operator's own health rules,
 * and the operator's failover policy decides with and without the quorum. Real outages (every vantage
 * point cut off from the active region) are mixed in, so that a quorum which never fails over at all
 * would show. Pure decisions with an injected clock and a seeded random, no I/O.
 */
final class PartitionBenchmark {
    private static final String PRIMARY = "us-south";
    private static final String STANDBY = "us-east";
    private static final List<String> REGIONS = List.of(PRIMARY, STANDBY);
    private static final List<String> VANTAGES = List.of("operator", "witness-a", "witness-b");
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(10);
    /** One partition starts in about every 3 simulated hours, and lasts 1 to 60 minutes. */
    private static final double PARTITION_START_PER_PROBE = 1.0 / (3 * 360);

    private static final int OUTAGES = 10;

    private final HealthCheckSettings health = new HealthCheckSettings(PROBE_INTERVAL, Duration.ofSeconds(5), 3, 2);
    private final QuorumSettings quorum =
            new QuorumSettings(VANTAGES.subList(1, VANTAGES.size()), 2, Duration.ofMinutes(1));
    private final AutomaticFailoverPolicy policy = new AutomaticFailoverPolicy(
            new FailoverSettings(FailoverMode.Automatic, Duration.ofMinutes(30), null, quorum), health);
    private final List<StandbyReadiness> ready =
            List.of(new StandbyReadiness(STANDBY, true, "in sync", Instant.EPOCH, false));
    private final Map<String, Map<String, RegionHealth>> seen = new TreeMap<>();
    private final Random random;
    private final Tally withQuorum = new Tally();
    private final Tally singleVantage = new Tally();
    private Cut cut;
    private long partitions;
    private long partitionSeconds;
    private long operatorCutFromPrimary;

    private PartitionBenchmark(long seed) {
        this.random = new Random(seed);
        for (String v : VANTAGES) {
            Map<String, RegionHealth> regions = new TreeMap<>();
            REGIONS.forEach(r -> regions.put(r, RegionHealth.unknown(Instant.EPOCH)));
            seen.put(v, regions);
        }
    }

    /** {@code vantage} (every vantage point when null: an outage) cannot reach {@code region} until {@code until}. */
    private record Cut(String vantage, String region, Instant until) {
        boolean blocks(String v, String r, Instant now) {
            return (vantage == null || vantage.equals(v)) && region.equals(r) && now.isBefore(until);
        }

        boolean isOutage(Instant now) {
            return vantage == null && now.isBefore(until);
        }
    }

    static Map<String, Object> partitions(int hours, long seed) {
        return new PartitionBenchmark(seed).run(hours);
    }

    private Map<String, Object> run(int hours) {
        long probes = hours * 3600L / PROBE_INTERVAL.toSeconds();
        List<Long> outageStarts = new ArrayList<>();
        for (int i = 1; i <= OUTAGES; i++) {
            outageStarts.add(probes * i / (OUTAGES + 1));
        }
        Instant now = Instant.EPOCH;
        for (long i = 0; i < probes; i++) {
            now = now.plus(PROBE_INTERVAL);
            if (outageStarts.contains(i)) {
                cut = new Cut(null, PRIMARY, now.plus(Duration.ofMinutes(10)));
            } else if ((cut == null || !now.isBefore(cut.until())) && random.nextDouble() < PARTITION_START_PER_PROBE) {
                startPartition(now);
            }
            probeAll(now);
            decide(now);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("false_failovers", withQuorum.falseFailovers);
        figures.put("simulated_hours", hours);
        figures.put("vantage_points", VANTAGES.size());
        figures.put("required", quorum.required());
        figures.put("partitions", partitions);
        figures.put("partition_hours", partitionSeconds / 3600);
        figures.put("operator_cut_from_primary", operatorCutFromPrimary);
        figures.put("outages", OUTAGES);
        figures.put("outages_failed_over", withQuorum.realFailovers);
        figures.put("false_failovers_single_vantage", singleVantage.falseFailovers);
        figures.put("outages_failed_over_single_vantage", singleVantage.realFailovers);
        return figures;
    }

    private void startPartition(Instant now) {
        cut = new Cut(
                VANTAGES.get(random.nextInt(VANTAGES.size())),
                REGIONS.get(random.nextInt(REGIONS.size())),
                now.plus(Duration.ofMinutes(1 + random.nextInt(60))));
        partitions++;
        partitionSeconds += Duration.between(now, cut.until()).toSeconds();
        if (cut.vantage().equals(VANTAGES.get(0)) && cut.region().equals(PRIMARY)) {
            operatorCutFromPrimary++;
        }
    }

    private void probeAll(Instant now) {
        for (String v : VANTAGES) {
            for (String r : REGIONS) {
                ProbeOutcome outcome = cut != null && cut.blocks(v, r, now)
                        ? ProbeOutcome.timedOut(health.timeout())
                        : new ProbeOutcome.Success(Duration.ofMillis(40));
                seen.get(v).put(r, seen.get(v).get(r).next(outcome, health, now));
            }
        }
    }

    /** Each witness reports what it saw in this round; the operator's own view is live. */
    private void decide(Instant now) {
        Map<String, RegionHealth> own = seen.get(VANTAGES.get(0));
        List<VantageQuorum.Report> reports = new ArrayList<>();
        for (String witness : quorum.witnesses()) {
            Map<String, HealthState> states = new TreeMap<>();
            seen.get(witness).forEach((r, h) -> states.put(r, h.state()));
            reports.add(new VantageQuorum.Report(witness, now, states));
        }
        VantageQuorum votes = VantageQuorum.count(quorum, own, reports, health.failureThreshold(), now);
        boolean outage = cut != null && cut.isOutage(now);
        withQuorum.count(
                policy,
                new AutomaticFailoverPolicy.Situation(PRIMARY, own.get(PRIMARY), ready, withQuorum.last, false, votes),
                now,
                outage);
        singleVantage.count(
                policy,
                new AutomaticFailoverPolicy.Situation(PRIMARY, own.get(PRIMARY), ready, singleVantage.last, false),
                now,
                outage);
    }

    /** Failover decisions of one policy run: during a real outage they are right, otherwise false. */
    private static final class Tally {
        Instant last;
        long falseFailovers;
        long realFailovers;

        void count(
                AutomaticFailoverPolicy policy,
                AutomaticFailoverPolicy.Situation situation,
                Instant now,
                boolean outage) {
            if (policy.decide(situation, now).isPresent()) {
                last = now; // counted, then imagined relocated back once the region is well again
                if (outage) {
                    realFailovers++;
                } else {
                    falseFailovers++;
                }
            }
        }
    }
}
