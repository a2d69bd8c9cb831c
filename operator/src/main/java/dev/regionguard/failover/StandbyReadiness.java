package dev.regionguard.failover;

import dev.regionguard.api.HealthState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Whether a region can take over without losing configuration: its last successful sync is at most
 * two sync intervals old (the RPO alert threshold of the anchors), it is Healthy, no entity failed to
 * sync, its copy refers to no other region (unless the spec accepts the reference), and it is not
 * fenced (a fenced region is not synced at all).
 *
 * @param reason         why it is or is not ready, for status, Events and rejections
 * @param timelessReason the same without the age of the last sync ("Healthy, in sync"), for status
 *                       that must not change with every second that passes
 */
public record StandbyReadiness(
        String region,
        boolean ready,
        String reason,
        Instant lastSuccessfulSync,
        boolean fenced,
        String timelessReason) {
    static final int STALE_AFTER_INTERVALS = 2;

    /** A readiness whose reason holds no age. */
    public StandbyReadiness(String region, boolean ready, String reason, Instant lastSuccessfulSync, boolean fenced) {
        this(region, ready, reason, lastSuccessfulSync, fenced, reason);
    }

    public static StandbyReadiness of(StandbyFacts facts, Duration syncInterval, Instant now) {
        List<String> problems = new ArrayList<>();
        List<String> timeless = new ArrayList<>();
        Consumer<String> both = problem -> {
            problems.add(problem);
            timeless.add(problem);
        };
        if (facts.fenced()) {
            both.accept("fenced by an earlier failover, so not synced");
        }
        Duration maxAge = syncInterval.multipliedBy(STALE_AFTER_INTERVALS);
        if (facts.lastSuccessfulSync() == null) {
            both.accept("never synced successfully");
        } else if (Duration.between(facts.lastSuccessfulSync(), now).compareTo(maxAge) > 0) {
            String limit = "more than " + STALE_AFTER_INTERVALS + " sync intervals (" + human(maxAge) + ")";
            problems.add("last successful sync " + ago(facts.lastSuccessfulSync(), now) + " ago, " + limit);
            timeless.add("last successful sync " + limit + " ago");
        }
        if (facts.health() != HealthState.Healthy) {
            both.accept("region is " + facts.health());
        }
        if (facts.unsyncedEntities() > 0) {
            both.accept(facts.unsyncedEntities() + (facts.unsyncedEntities() == 1 ? " entity" : " entities")
                    + " failed to sync");
        }
        if (facts.regionReferences() > 0) {
            both.accept(facts.regionReferences() + (facts.regionReferences() == 1 ? " reference" : " references")
                    + " to another region in its copy, not accepted by spec.regionIndependence");
        }
        if (facts.failedProof() != null) {
            both.accept("its last proof failed: " + facts.failedProof());
        }
        if (problems.isEmpty()) {
            return new StandbyReadiness(
                    facts.region(),
                    true,
                    "Healthy, synced " + ago(facts.lastSuccessfulSync(), now) + " ago",
                    facts.lastSuccessfulSync(),
                    false,
                    "Healthy, in sync");
        }
        return new StandbyReadiness(
                facts.region(),
                false,
                String.join("; ", problems),
                facts.lastSuccessfulSync(),
                facts.fenced(),
                String.join("; ", timeless));
    }

    /** "us-east: region is Unknown", for messages that list several regions. */
    public String describe() {
        return region + ": " + reason;
    }

    private static String ago(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        return human(age.isNegative() ? Duration.ZERO : age);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return s / 60 + "m";
        }
        return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : s % 3600 / 60 + "m");
    }
}
