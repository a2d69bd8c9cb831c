package dev.regionguard.spec;

import dev.regionguard.api.SyncMode;
import dev.regionguard.api.SyncSpec;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.SyncPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A protection's {@code spec.sync}, parsed and checked against the entity types of its service. */
public record SyncSettings(
        Duration interval,
        Duration fullCompareInterval,
        SyncMode mode,
        int maxDeletionsPerPass,
        List<EntityType> types) {

    public static SyncSettings of(SyncSpec spec, List<EntityType> allTypes) throws Blocked {
        SyncSpec defaults = new SyncSpec();
        SyncSpec s = spec == null ? defaults : spec;
        Duration interval = duration("sync.interval", s.interval, defaults.interval);
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw Blocked.spec("sync.interval must be at least 1s");
        }
        Duration full = duration("sync.fullCompareInterval", s.fullCompareInterval, defaults.fullCompareInterval);
        int maxDeletions = s.maxDeletionsPerPass == null ? defaults.maxDeletionsPerPass : s.maxDeletionsPerPass;
        if (maxDeletions < 0) {
            throw Blocked.spec("sync.maxDeletionsPerPass must not be negative");
        }
        List<EntityType> types;
        try {
            types = EntitySelection.withReferences(allTypes, s.entities);
        } catch (IllegalArgumentException e) {
            throw Blocked.spec("sync.entities: " + e.getMessage());
        }
        return new SyncSettings(interval, full, s.mode == null ? defaults.mode : s.mode, maxDeletions, types);
    }

    private static Duration duration(String field, String text, String fallback) throws Blocked {
        try {
            return Durations.parseOr(text, fallback);
        } catch (IllegalArgumentException e) {
            throw Blocked.spec(field + ": " + e.getMessage());
        }
    }

    public boolean deletesAllowed() {
        return mode == SyncMode.Mirror;
    }

    /**
     * @param baseline       the shrink guard's baseline over all types (null: none yet)
     * @param confirmedCount the count the owner confirmed with the annotation, or null
     * @param typeBaselines  per type name, the baseline of that type's guard (null: none yet)
     */
    public SyncPolicy policy(
            boolean fullCompare, Integer baseline, Integer confirmedCount, Map<String, Integer> typeBaselines) {
        return new SyncPolicy(
                mode != SyncMode.ObserveOnly,
                deletesAllowed(),
                maxDeletionsPerPass,
                fullCompare,
                baseline == null ? 0 : baseline,
                confirmedCount,
                typeBaselines);
    }

    /** After failures: 10 s, 20 s, 40 s ... never more often, never later than the interval. */
    public Duration retryDelay(int consecutiveFailures) {
        if (consecutiveFailures <= 0) {
            return interval;
        }
        long seconds = 10L << Math.min(consecutiveFailures - 1, 16);
        Duration backoff = Duration.ofSeconds(seconds);
        return backoff.compareTo(interval) < 0 ? backoff : interval;
    }
}
