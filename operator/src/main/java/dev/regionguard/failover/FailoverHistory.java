package dev.regionguard.failover;

import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A protection's last failovers, newest first, at most {@value #MAX_ENTRIES} (status must not grow without
 * bound), of which at most {@value #MAX_DRILLS} drills: routine drills must not push out the failovers that
 * the cooldown and the step estimates read.
 */
public final class FailoverHistory {
    public static final int MAX_ENTRIES = 10;
    public static final int MAX_DRILLS = 3;

    private FailoverHistory() {}

    /** The history with entry in front; adding an entry already there (same RegionFailover) changes nothing. */
    public static List<FailoverRecord> add(List<FailoverRecord> history, FailoverRecord entry) {
        List<FailoverRecord> current = history == null ? List.of() : history;
        if (current.stream().anyMatch(r -> Objects.equals(r.name, entry.name))) {
            return new ArrayList<>(current); // idempotent: a restarted operator may finish the same failover again
        }
        List<FailoverRecord> next = new ArrayList<>(MAX_ENTRIES);
        next.add(entry);
        int drills = isDrill(entry) ? 1 : 0;
        for (FailoverRecord older : current) {
            if (next.size() == MAX_ENTRIES) {
                break;
            }
            if (isDrill(older) && drills++ >= MAX_DRILLS) {
                continue; // the oldest drills go first
            }
            next.add(older);
        }
        return next;
    }

    private static boolean isDrill(FailoverRecord entry) {
        return entry.type == FailoverType.Drill;
    }

    /** When the last automatic failover that switched the active region started: the cooldown runs from there. */
    public static Optional<Instant> lastAutomaticFailover(List<FailoverRecord> history) {
        if (history == null) {
            return Optional.empty();
        }
        return history.stream()
                .filter(r -> Boolean.TRUE.equals(r.automatic) && r.epoch != null && r.startTime != null)
                .map(r -> Timestamps.parse(r.startTime))
                .max(Comparator.naturalOrder());
    }
}
