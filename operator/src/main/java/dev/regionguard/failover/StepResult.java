package dev.regionguard.failover;

import dev.regionguard.health.ProbeOutcome;
import java.util.Objects;

/** How the wiring's side effect for a step went. */
public record StepResult(Outcome outcome, String message) {
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
        return new StepResult(Outcome.SUCCEEDED, message);
    }

    /** Nothing needed doing, e.g. no endpoint ConfigMap to publish. Allowed for Fencing and Redirecting. */
    public static StepResult skipped(String message) {
        return new StepResult(Outcome.SKIPPED, message);
    }

    public static StepResult failed(String message) {
        return new StepResult(Outcome.FAILED, message);
    }

    /**
     * Verifying from one probe of the new active region: any answer verifies it, including 401/403
     * and 429 (the region is up; credentials are reported elsewhere); only a failure does not.
     */
    public static StepResult verification(ProbeOutcome probe) {
        if (probe instanceof ProbeOutcome.Success success) {
            return succeeded("answered in " + success.latency().toMillis() + "ms");
        }
        if (probe instanceof ProbeOutcome.Inconclusive answered) {
            return succeeded("answered with " + answered.category() + ", which is not a regional failure");
        }
        ProbeOutcome.Failure failure = (ProbeOutcome.Failure) probe;
        return failed(failure.category() + (failure.message() == null ? "" : ": " + failure.message()));
    }
}
