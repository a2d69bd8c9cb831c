package dev.regionguard.failover;

import static dev.regionguard.api.Conditions.READY;
import static dev.regionguard.failover.StepRecording.isCommitted;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.RegionFailoverStatus;

/**
 * What a RegionFailover leaves behind when it is final (its history entry, whether to unfence the old
 * side) or deleted (abort before Promoting, finish after).
 */
final class FailoverEnd {
    private FailoverEnd() {}

    static Next.Done done(FailoverRequest request, RegionFailoverStatus status) {
        boolean committed = isCommitted(status);
        if (status.phase == FailoverPhase.Rejected || request.type() == FailoverType.Plan) {
            return new Next.Done(null);
        }
        FailoverRecord entry = new FailoverRecord();
        entry.name = request.name();
        entry.type = status.plan == null ? request.type() : status.plan.type;
        entry.automatic = request.automatic();
        entry.fromRegion = status.fromRegion;
        entry.toRegion = status.toRegion;
        entry.epoch = committed ? status.epoch : null;
        entry.phase = status.phase;
        entry.startTime = status.startTime;
        entry.completionTime = status.completionTime;
        entry.durationSeconds = status.durationSeconds;
        entry.reason = request.reason();
        Condition ready = Conditions.find(status.conditions, READY);
        entry.message = ready == null ? null : ready.message;
        entry.steps = StepEstimates.taken(status.steps);
        if (entry.type == FailoverType.Drill && status.plan != null) {
            entry.expectedSteps = StepEstimates.ofDrill(status);
        }
        return new Next.Done(entry);
    }

    static Deletion onDeletion(RegionFailoverStatus recorded) {
        if (recorded == null || recorded.phase == null || recorded.phase == FailoverPhase.Pending) {
            return new Deletion(true, false, "not started; nothing to undo");
        }
        if (recorded.phase.isFinal()) {
            return new Deletion(true, false, "already " + recorded.phase);
        }
        if (isCommitted(recorded)) {
            return new Deletion(false, false, "committed: the failover runs to the end first");
        }
        if (recorded.phase == FailoverPhase.Unfencing) {
            return new Deletion(false, false, "undoing the fencing of " + recorded.fromRegion + " first");
        }
        return new Deletion(
                false,
                true,
                "aborted in " + recorded.phase + ", before the commit: " + recorded.fromRegion
                        + " stays the active region");
    }
}
