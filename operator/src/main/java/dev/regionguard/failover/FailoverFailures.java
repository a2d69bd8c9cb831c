package dev.regionguard.failover;

import static dev.regionguard.failover.StepRecording.advance;
import static dev.regionguard.failover.StepRecording.finish;
import static dev.regionguard.failover.StepRecording.retry;

import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverStepResult;
import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.RegionFailoverStatus;
import java.time.Instant;

/**
 * What a failed step attempt means. Every step is retried a bounded number of times with back-off
 * (10 s doubling to 5 min), unless the failure is permanent; then the failover ends. Before the commit
 * it ends through Unfencing ({@link FailoverStop}); after it, the new region stays active and the
 * message tells on-call what to do.
 */
final class FailoverFailures {
    static final int FINAL_SYNC_ATTEMPTS = 3;
    static final int PROMOTE_ATTEMPTS = 5;
    static final int REDIRECT_ATTEMPTS = 8;
    static final int VERIFY_ATTEMPTS = 5;

    private FailoverFailures() {}

    static Next failed(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            StepResult result,
            Instant now) {
        String message = result.message();
        return switch (step.step) {
            case Validating ->
                finish(
                        request,
                        status,
                        step,
                        FailoverPhase.Rejected,
                        result.reason() == null ? "FailoverInProgress" : result.reason(),
                        message,
                        now);
            case Fencing ->
                result.permanent() // e.g. another failover holds the lock: stop before fencing anything
                        ? FailoverStop.stop(
                                request,
                                status,
                                step,
                                FailoverPhase.Failed,
                                result.reason() == null ? "FencingRefused" : result.reason(),
                                result.message() + "; nothing switched",
                                now)
                        : advance(
                                request,
                                status,
                                step,
                                FailoverStepResult.Skipped,
                                "fencing failed, continuing without it: " + message,
                                now);
            case FinalSync -> beforeCommit(request, status, step, result, FINAL_SYNC_ATTEMPTS, "FinalSyncFailed", now);
            case Promoting -> beforeCommit(request, status, step, result, PROMOTE_ATTEMPTS, "PromotionFailed", now);
            case Redirecting -> afterCommit(request, status, step, result, REDIRECT_ATTEMPTS, "RedirectFailed", now);
            case Verifying ->
                status.plan.type == FailoverType.Drill // a failed proof is the drill's answer, not a glitch
                        ? finish(
                                request,
                                status,
                                step,
                                FailoverPhase.Failed,
                                result.reason() == null ? "DrillFailed" : result.reason(),
                                status.toRegion + " failed its proof: " + message + "; nothing changed",
                                now)
                        : afterCommit(request, status, step, result, VERIFY_ATTEMPTS, "VerificationFailed", now);
            case Unfencing -> throw new IllegalStateException("Unfencing results are FailoverStop's");
        };
    }

    private static Next beforeCommit(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            StepResult result,
            int attempts,
            String reason,
            Instant now) {
        if (!result.permanent() && step.attempts < attempts) {
            return retry(request, status, step, result.message(), now);
        }
        String what = result.permanent()
                ? step.step + " failed: " + result.message()
                : step.step + " failed " + step.attempts + " times: " + result.message();
        return FailoverStop.stop(
                request,
                status,
                step,
                FailoverPhase.Failed,
                result.reason() == null ? reason : result.reason(),
                what + "; nothing switched",
                now);
    }

    private static Next afterCommit(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            StepResult result,
            int attempts,
            String reason,
            Instant now) {
        if (!result.permanent() && step.attempts < attempts) {
            return retry(request, status, step, result.message(), now);
        }
        String what = step.step == dev.regionguard.api.FailoverStep.Verifying
                ? "did not answer " + step.attempts + " times: " + result.message()
                : step.step + " failed" + (result.permanent() ? "" : " " + step.attempts + " times") + ": "
                        + result.message();
        return finish(
                request,
                status,
                step,
                FailoverPhase.Failed,
                result.reason() == null ? reason : result.reason(),
                FailoverStop.afterCommit(status, what),
                now);
    }
}
