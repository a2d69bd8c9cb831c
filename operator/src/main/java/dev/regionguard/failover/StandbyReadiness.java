package dev.regionguard.failover;

import dev.regionguard.api.HealthState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a region can take over without losing configuration: its last successful sync is at most
 * two sync intervals old (the RPO alert threshold of the anchors), it is Healthy, no entity failed to
 * sync, its copy refers to no other region (unless the spec accepts the reference), and it is not
 * fenced (a fenced region is not synced at all).
 *
 * @param reason why it is or is not ready, for status, Events and rejections
 */
public record StandbyReadiness(
        String region, boolean ready, String reason, Instant lastSuccessfulSync, boolean fenced) {
    static final int STALE_AFTER_INTERVALS = 2;

    public static StandbyReadiness of(StandbyFacts facts, Duration syncInterval, Instant now) {
        List<String> problems = new ArrayList<>();
        if (facts.fenced()) {
            problems.add("fenced by an earlier failover, so not synced");
        }
        Duration maxAge = syncInterval.multipliedBy(STALE_AFTER_INTERVALS);
        if (facts.lastSuccessfulSync() == null) {
            problems.add("never synced successfully");
        } else if (Duration.between(facts.lastSuccessfulSync(), now).compareTo(maxAge) > 0) {
            problems.add("last successful sync " + ago(facts.lastSuccessfulSync(), now) + " ago, more than "
                    + STALE_AFTER_INTERVALS + " sync intervals (" + human(maxAge) + ")");
        }
        if (facts.health() != HealthState.Healthy) {
            problems.add("region is " + facts.health());
        }
        if (facts.unsyncedEntities() > 0) {
            problems.add(facts.unsyncedEntities() + (facts.unsyncedEntities() == 1 ? " entity" : " entities")
                    + " failed to sync");
        }
        if (facts.regionReferences() > 0) {
            problems.add(facts.regionReferences() + (facts.regionReferences() == 1 ? " reference" : " references")
                    + " to another region in its copy, not accepted by spec.regionIndependence");
        }
        if (facts.failedProof() != null) {
            problems.add("its last proof failed: " + facts.failedProof());
        }
        if (problems.isEmpty()) {
            return new StandbyReadiness(
                    facts.region(),
                    true,
                    "Healthy, synced " + ago(facts.lastSuccessfulSync(), now) + " ago",
                    facts.lastSuccessfulSync(),
                    false);
        }
        return new StandbyReadiness(
                facts.region(), false, String.join("; ", problems), facts.lastSuccessfulSync(), facts.fenced());
    }

    /**
     * The reason without the age of the last sync ("Healthy, in sync" for "Healthy, synced 4s ago"):
     * for status that must not change with every second that passes.
     */
    public String timelessReason() {
        return reason.replaceFirst("synced \\S+ ago", "in sync")
                .replaceFirst("last successful sync \\S+ ago, more than", "last successful sync more than");
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
