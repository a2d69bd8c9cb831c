package dev.regionguard.controller.protection;

import dev.regionguard.sync.SyncOutcome;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Small judgements on a sync outcome that both the status and the scheduling need. */
public final class PassOutcomes {
    private static final Set<String> SHRINK_HOLDS = Set.of("PrimaryShrunk", "PrimaryEmpty");

    private PassOutcomes() {}

    /**
     * The total shrink guard's next baseline: the sum of the per-type baselines the pass computed
     * (they go down only by proven deletions or a confirmed count); never lower while the total
     * guard holds, so a shrink stays held until confirmed.
     */
    public static Integer nextBaseline(Integer previous, SyncOutcome outcome) {
        Map<String, Integer> byType = nextBaselines(null, outcome);
        if (outcome.source().error() != null || byType == null) {
            return previous;
        }
        int sum = byType.values().stream().mapToInt(Integer::intValue).sum();
        boolean held = outcome.targets().stream().anyMatch(t -> isShrinkHold(t.holdReason()));
        return held && previous != null ? Math.max(previous, sum) : Integer.valueOf(sum);
    }

    /** The per-type baselines for the next pass (sorted by type), or the previous ones when the primary was not read. */
    public static Map<String, Integer> nextBaselines(Map<String, Integer> previous, SyncOutcome outcome) {
        Map<String, Integer> next = outcome.source().baselineByType();
        return outcome.source().error() != null || next == null || next.isEmpty() ? previous : new TreeMap<>(next);
    }

    /** PrimaryShrunk or PrimaryEmpty: a hold of the whole pass the owner's confirmed count releases. */
    public static boolean isShrinkHold(String holdReason) {
        return holdReason != null && SHRINK_HOLDS.contains(holdReason);
    }

    /** True when something failed that may pass by itself (unreachable region, failed writes). */
    public static boolean transientFailure(SyncOutcome outcome) {
        if (outcome.source().error() != null) {
            return outcome.source().errorCategory() == null
                    || outcome.source().errorCategory().isTransient();
        }
        return outcome.targets().stream()
                .anyMatch(t -> !t.reached()
                                && (t.errorCategory() == null
                                        || t.errorCategory().isTransient())
                        || t.counts().failed() > 0);
    }
}
