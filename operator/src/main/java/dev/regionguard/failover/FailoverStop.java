package dev.regionguard.failover;

import static dev.regionguard.failover.StepRecording.finish;
import static dev.regionguard.failover.StepRecording.isCommitted;
import static dev.regionguard.failover.StepRecording.protection;
import static dev.regionguard.failover.StepRecording.retry;

import dev.regionguard.api.FailoverEnding;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverStepResult;
import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.FenceRecord;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.api.Timestamps;
import java.time.Instant;
import java.util.List;

/**
 * How a failover stops before its commit: every recorded fence is undone first (the Unfencing step,
 * recorded before it acts, so a crash resumes it), then the failover ends Failed or Aborted with the
 * reason it stopped for. After the commit nothing is undone: the new region is active.
 */
final class FailoverStop {
    static final int UNFENCE_ATTEMPTS = 6;

    private FailoverStop() {}

    /** Ends the running step; before the commit, with fences to undo, runs Unfencing first. */
    static Next stop(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            FailoverPhase phase,
            String reason,
            String message,
            Instant now) {
        if (isCommitted(status) || pending(status).isEmpty()) {
            return finish(request, status, step, phase, reason, message, now);
        }
        step.endTime = Timestamps.format(now);
        step.result = FailoverStepResult.Failed;
        step.message = message;
        status.ending = new FailoverEnding(phase, reason, message);
        status.steps.add(new FailoverStepStatus(FailoverStep.Unfencing, Timestamps.format(now)));
        status.phase = FailoverPhase.Unfencing;
        StepRecording.setProgressConditions(status, now);
        return new Next.Record(
                status,
                List.of(Milestone.warning(
                        "FailoverUnfencing",
                        protection(request) + ": " + reason + ": " + message + "; undoing the fencing of "
                                + status.fromRegion)),
                null);
    }

    /** The Unfencing step's result: end as recorded in status.ending, retry, or end UnfenceFailed. */
    static Next unfenced(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            StepResult result,
            Instant now) {
        FailoverEnding ending = status.ending == null
                ? new FailoverEnding(FailoverPhase.Failed, "Stopped", "stopped before the commit")
                : status.ending;
        if (result.outcome() != StepResult.Outcome.FAILED) {
            status.fenced.forEach(f -> f.undone = true);
            Next done = finish(
                    request,
                    status,
                    step,
                    ending.phase,
                    ending.reason,
                    ending.message + "; " + status.fromRegion + " stays the active region (" + result.message() + ")",
                    now);
            step.result = result.outcome() == StepResult.Outcome.SKIPPED
                    ? FailoverStepResult.Skipped
                    : FailoverStepResult.Succeeded;
            step.message = result.message();
            return done;
        }
        if (step.attempts < UNFENCE_ATTEMPTS && !result.permanent()) {
            return retry(request, status, step, result.message(), now);
        }
        return finish(
                request,
                status,
                step,
                FailoverPhase.Failed,
                "UnfenceFailed",
                ending.reason + ": " + ending.message + "; then undoing the fencing of " + status.fromRegion
                        + " failed " + step.attempts + " times (" + result.message() + "): " + status.fromRegion
                        + " is still the active region but fenced; undo the fence by hand (see status.fenced)",
                now);
    }

    /** Fences recorded and not undone yet. */
    static List<FenceRecord> pending(RegionFailoverStatus status) {
        return status.fenced == null
                ? List.of()
                : status.fenced.stream().filter(f -> !f.isUndone()).toList();
    }

    /** The message of a failure after the commit: nothing is undone, on-call decides. */
    static String afterCommit(RegionFailoverStatus status, String what) {
        return status.toRegion + " is the active region at epoch " + status.epoch + " but " + what
                + "; nothing is undone after the commit: fix it, or create a Relocate back to " + status.fromRegion;
    }
}
