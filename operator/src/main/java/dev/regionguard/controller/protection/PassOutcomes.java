package dev.regionguard.controller.protection;

import dev.regionguard.sync.SyncOutcome;
import java.util.Set;

/** Small judgements on a sync outcome that both the status and the scheduling need. */
public final class PassOutcomes {
    private static final Set<String> SHRINK_HOLDS = Set.of("PrimaryShrunk", "PrimaryEmpty");

    private PassOutcomes() {}

    /**
     * The shrink guard's next baseline: the primary's count once a complete read did not trip the
     * guard; unchanged while the guard holds, so a shrink stays held until confirmed.
     */
    public static Integer nextBaseline(Integer previous, SyncOutcome outcome) {
        SyncOutcome.Source source = outcome.source();
        if (source.error() != null || !source.complete()) {
            return previous;
        }
        boolean held = outcome.targets().stream()
                .anyMatch(t -> t.holdReason() != null && SHRINK_HOLDS.contains(t.holdReason()));
        return held ? previous : Integer.valueOf(source.entityCount());
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
