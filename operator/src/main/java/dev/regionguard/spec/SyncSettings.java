package dev.regionguard.spec;

import dev.regionguard.api.SyncMode;
import dev.regionguard.api.SyncSpec;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.SyncPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A protection's {@code spec.sync}, parsed and checked against the entity types of its service. */
public record SyncSettings(
        Duration interval,
        Duration fullCompareInterval,
        SyncMode mode,
        int maxDeletionsPerPass,
        List<EntityType> types) {

    public static SyncSettings of(SyncSpec spec, List<EntityType> allTypes) throws Blocked {
        SyncSpec s = spec == null ? new SyncSpec() : spec;
        Duration interval = duration("sync.interval", s.interval, Duration.ofMinutes(5));
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw Blocked.spec("sync.interval must be at least 1s");
        }
        Duration full = duration("sync.fullCompareInterval", s.fullCompareInterval, Duration.ofHours(1));
        int maxDeletions = s.maxDeletionsPerPass == null ? 10 : s.maxDeletionsPerPass;
        if (maxDeletions < 0) {
            throw Blocked.spec("sync.maxDeletionsPerPass must not be negative");
        }
        return new SyncSettings(
                interval, full, s.mode == null ? SyncMode.Mirror : s.mode, maxDeletions, select(allTypes, s.entities));
    }

    private static Duration duration(String field, String text, Duration fallback) throws Blocked {
        try {
            return Durations.parseOr(text, fallback);
        } catch (IllegalArgumentException e) {
            throw Blocked.spec(field + ": " + e.getMessage());
        }
    }

    private static List<EntityType> select(List<EntityType> all, List<String> names) throws Blocked {
        if (names == null || names.isEmpty()) {
            return all;
        }
        Set<String> known = all.stream().map(EntityType::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unknown =
                names.stream().filter(n -> !known.contains(n)).collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw Blocked.spec("sync.entities: unknown " + unknown + "; known are " + known);
        }
        // IDs can only be remapped to entities that are synced too: take what the selection references.
        Set<String> wanted = new TreeSet<>(names);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (EntityType t : all) {
                if (wanted.contains(t.name())) {
                    grew |= wanted.addAll(t.dependsOn());
                }
            }
        }
        return all.stream().filter(t -> wanted.contains(t.name())).toList();
    }

    public boolean deletesAllowed() {
        return mode == SyncMode.Mirror;
    }

    public SyncPolicy policy(boolean fullCompare, Integer baseline, Integer confirmedCount) {
        return new SyncPolicy(
                mode != SyncMode.ObserveOnly,
                deletesAllowed(),
                maxDeletionsPerPass,
                fullCompare,
                baseline == null ? 0 : baseline,
                confirmedCount);
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
