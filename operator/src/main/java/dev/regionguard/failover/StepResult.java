package dev.regionguard.failover;

import dev.regionguard.health.ProbeOutcome;
import java.util.Objects;

/**
 * How the wiring's side effect for a step went.
 *
 * @param reason    for a failure, a reason for the condition (null: the step's own reason)
 * @param permanent for a failure, true when trying again cannot help (e.g. a ConfigMap RegionGuard does
 *                  not own): the failover ends at once instead of retrying
 */
public record StepResult(Outcome outcome, String message, String reason, boolean permanent) {
    public enum Outcome {
        SUCCEEDED,
        SKIPPED,
        FAILED
    }

    public StepResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    public static StepResult succeeded(String message) {
        return new StepResult(Outcome.SUCCEEDED, message, null, false);
    }

    /** Nothing needed doing, e.g. no endpoint ConfigMap to publish. Allowed for Fencing and Redirecting. */
    public static StepResult skipped(String message) {
        return new StepResult(Outcome.SKIPPED, message, null, false);
    }

    public static StepResult failed(String message) {
        return new StepResult(Outcome.FAILED, message, null, false);
    }

    /** A failure that is retried (with back-off, a bounded number of times), with its own reason. */
    public static StepResult failed(String reason, String message) {
        return new StepResult(Outcome.FAILED, message, reason, false);
    }

    /** A failure that retrying cannot fix: the failover ends (undoing its fences before the commit). */
    public static StepResult refused(String reason, String message) {
        return new StepResult(Outcome.FAILED, message, reason, true);
    }

    /**
     * Verifying from one probe of the new active region: any answer verifies it, including 401/403
     * and 429 (the region is up; credentials are reported elsewhere). A failure does not, and neither
     * does a probe that never reached the region (IAM down, no probe thread free): it is retried.
     */
    public static StepResult verification(ProbeOutcome probe) {
        if (probe instanceof ProbeOutcome.Success success) {
            return succeeded("answered in " + success.latency().toMillis() + "ms");
        }
        if (probe instanceof ProbeOutcome.Inconclusive inconclusive) {
            return inconclusive.regionAnswered()
                    ? succeeded("answered with " + inconclusive.category() + ", which is not a regional failure")
                    : failed("the region was not asked: " + inconclusive.reason()
                            + (inconclusive.message() == null ? "" : ": " + inconclusive.message()));
        }
        ProbeOutcome.Failure failure = (ProbeOutcome.Failure) probe;
        return failed(failure.category() + (failure.message() == null ? "" : ": " + failure.message()));
    }
}
