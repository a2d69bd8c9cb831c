package dev.regionguard.controller.protection;

import dev.regionguard.failover.StepResult;
import dev.regionguard.sync.SyncOutcome;

/** A failover's final sync judged as a step: it succeeds only when the new active side got everything. */
final class FinalSyncResult {
    private FinalSyncResult() {}

    static StepResult of(SyncOutcome outcome, String from, String to) {
        if (outcome.source().error() != null) {
            return StepResult.failed(from + " not read: " + outcome.source().error());
        }
        SyncOutcome.Target t = outcome.targets().get(0);
        if (!t.reached() || t.counts().failed() > 0 || !t.issues().isEmpty()) {
            return StepResult.failed(to + " not fully synced: "
                    + (t.reached()
                            ? t.counts().failed() + " writes failed, "
                                    + t.issues().size() + " entities not synced"
                            : t.error()));
        }
        SyncOutcome.Counts c = t.counts();
        return StepResult.succeeded(String.format(
                "%s synced from %s: %d created, %d updated, %d deleted",
                to, from, c.created(), c.updated(), c.deleted()));
    }
}
