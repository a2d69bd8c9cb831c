package dev.regionguard.failover;

import static dev.regionguard.api.Conditions.COMMITTED;
import static dev.regionguard.api.Conditions.READY;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverStepResult;
import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.api.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a step's outcome is written into a RegionFailover's status: the step's result, the next running
 * step or the final phase, the Ready and Committed conditions and the milestones to emit. The
 * {@link FailoverStateMachine} decides which outcome; this class only records it.
 */
final class StepRecording {
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private StepRecording() {}

    /** Ends the running step and records the next one as running, or Succeeded after the last. */
    static Next advance(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            FailoverStepResult result,
            String message,
            Instant now) {
        step.endTime = Timestamps.format(now);
        step.result = result;
        // keep what validation found (e.g. that the target was forced): it is the audit trail of the decision
        step.message =
                step.step == FailoverStep.Validating && step.message != null ? step.message + "; " + message : message;
        List<Milestone> milestones = new ArrayList<>();
        milestones.add(milestoneFor(request, status, step));
        Optional<FailoverStep> following = successor(status.plan.type, step.step);
        if (following.isEmpty()) {
            status.phase = FailoverPhase.Succeeded;
            complete(status, now);
            String text = status.plan.type == FailoverType.Drill
                    ? "drill: " + status.toRegion + " passed validation and its proof (" + step.message + ") in "
                            + status.durationSeconds + "s; nothing changed; a Failover to " + status.toRegion
                            + " is expected to take "
                            + StepEstimates.describe(StepEstimates.ofDrill(status))
                    : status.toRegion + " is the active region at epoch " + status.epoch + " after "
                            + status.durationSeconds + "s";
            setConditions(status, Conditions.of(READY, true, "Succeeded", text), committedCondition(status), now);
            milestones.add(Milestone.normal("FailoverSucceeded", protection(request) + ": " + text));
            return new Next.Record(status, milestones, null);
        }
        status.steps.add(new FailoverStepStatus(following.get(), Timestamps.format(now)));
        status.phase = following.get().phase();
        setProgressConditions(status, now);
        return new Next.Record(status, milestones, null);
    }

    /** Ends the running step and the failover with a final phase other than Succeeded. */
    static Next finish(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            FailoverPhase phase,
            String reason,
            String message,
            Instant now) {
        step.endTime = Timestamps.format(now);
        step.result = phase == FailoverPhase.Rejected ? FailoverStepResult.Rejected : FailoverStepResult.Failed;
        step.message = message;
        status.phase = phase;
        complete(status, now);
        setConditions(status, Conditions.of(READY, false, reason, message), committedCondition(status), now);
        String eventReason = switch (phase) {
            case Rejected -> "FailoverRejected";
            case Aborted -> "FailoverAborted";
            default -> "FailoverFailed";
        };
        return new Next.Record(
                status,
                List.of(Milestone.warning(eventReason, protection(request) + ": " + reason + ": " + message)),
                null);
    }

    /** Keeps the step running for another attempt, after a backoff. */
    static Next retry(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            String message,
            Instant now) {
        int failedAttempts = step.attempts;
        step.message = "attempt " + failedAttempts + " failed: " + message;
        step.attempts = failedAttempts + 1;
        Duration delay = backoff(failedAttempts);
        setProgressConditions(status, now);
        return new Next.Record(
                status,
                List.of(Milestone.warning(
                        step.step + "Retrying",
                        protection(request) + ": " + step.step + " " + step.message + "; retrying in "
                                + delay.toSeconds() + "s")),
                delay);
    }

    private static Milestone milestoneFor(
            FailoverRequest request, RegionFailoverStatus status, FailoverStepStatus step) {
        String about = protection(request) + ": ";
        boolean skipped = step.result == FailoverStepResult.Skipped;
        return switch (step.step) {
            case Validating ->
                Milestone.normal(
                        "FailoverStarted",
                        about + status.plan.type + " from " + status.fromRegion + " to " + status.toRegion
                                + " started: " + request.reason());
            case FinalSync -> Milestone.normal("FinalSyncSucceeded", about + step.message);
            case Fencing ->
                skipped
                        ? Milestone.warning("FencingSkipped", about + step.message)
                        : Milestone.normal("RegionFenced", about + status.fromRegion + " fenced: " + step.message);
            case Promoting ->
                Milestone.normal(
                        "FailoverCommitted",
                        about + status.toRegion + " is the active region at epoch " + status.epoch);
            case Redirecting ->
                Milestone.normal(skipped ? "RedirectSkipped" : "EndpointRedirected", about + step.message);
            case Verifying ->
                status.plan.type == FailoverType.Drill
                        ? Milestone.normal("StandbyProven", about + status.toRegion + ": " + step.message)
                        : Milestone.normal("ActiveRegionVerified", about + step.message);
            case Unfencing -> Milestone.normal("RegionUnfenced", about + step.message);
        };
    }

    static Optional<FailoverStep> successor(FailoverType type, FailoverStep step) {
        List<FailoverStep> steps = sequence(type);
        int index = steps.indexOf(step);
        return index + 1 < steps.size() ? Optional.of(steps.get(index + 1)) : Optional.empty();
    }

    /** The steps a RegionFailover of this type runs when nothing fails, in order. */
    static List<FailoverStep> sequence(FailoverType type) {
        return switch (type) {
            case Drill -> List.of(FailoverStep.Validating, FailoverStep.Verifying); // the standby is only exercised
            case Relocate ->
                List.of(
                        FailoverStep.Validating,
                        FailoverStep.FinalSync,
                        FailoverStep.Fencing,
                        FailoverStep.Promoting,
                        FailoverStep.Redirecting,
                        FailoverStep.Verifying);
            case Failover, Plan ->
                List.of(
                        FailoverStep.Validating,
                        FailoverStep.Fencing,
                        FailoverStep.Promoting,
                        FailoverStep.Redirecting,
                        FailoverStep.Verifying);
        };
    }

    /** The running step: the last one, recorded without a result. */
    static FailoverStepStatus running(RegionFailoverStatus status) {
        FailoverStepStatus last =
                status.steps == null || status.steps.isEmpty() ? null : status.steps.get(status.steps.size() - 1);
        if (last == null || last.result != null) {
            throw new IllegalStateException("RegionFailover status in phase " + status.phase + " has no running step");
        }
        if (last.attempts == null) {
            last.attempts = 1;
        }
        return last;
    }

    /** True once Promoting succeeded: the protection's active region was switched. */
    static boolean isCommitted(RegionFailoverStatus status) {
        return status.steps != null
                && status.steps.stream()
                        .anyMatch(s -> s.step == FailoverStep.Promoting && s.result == FailoverStepResult.Succeeded);
    }

    static boolean hasStep(RegionFailoverStatus status, FailoverStep step) {
        return status.steps != null && status.steps.stream().anyMatch(s -> s.step == step);
    }

    static void complete(RegionFailoverStatus status, Instant now) {
        status.completionTime = Timestamps.format(now);
        Instant started = Timestamps.parse(status.startTime);
        status.durationSeconds =
                started == null ? 0 : Math.max(0, Duration.between(started, now).toSeconds());
    }

    static void setProgressConditions(RegionFailoverStatus status, Instant now) {
        FailoverStepStatus step = status.steps.get(status.steps.size() - 1);
        String doing = switch (step.step) {
            case Validating -> "taking the protection's failover lock";
            case FinalSync -> "syncing " + status.fromRegion + " to " + status.toRegion + " once before the switch";
            case Fencing -> "fencing " + status.fromRegion + " (best effort)";
            case Promoting -> "making " + status.toRegion + " the active region at epoch " + status.epoch;
            case Redirecting -> "publishing " + status.toRegion + " as the active region";
            case Verifying ->
                status.plan.type == FailoverType.Drill
                        ? "proving " + status.toRegion + " with spec.verification's checks"
                        : "checking that " + status.toRegion + " answers";
            case Unfencing ->
                "undoing the fencing of " + status.fromRegion + " after "
                        + (status.ending == null ? "a stop" : status.ending.reason + ": " + status.ending.message);
        };
        String retrying = step.attempts != null && step.attempts > 1
                ? " (attempt " + step.attempts + "; " + step.message + ")"
                : "";
        setConditions(
                status,
                Conditions.of(READY, false, status.phase.name(), doing + retrying),
                committedCondition(status),
                now);
    }

    static Condition committedCondition(RegionFailoverStatus status) {
        if (isCommitted(status)) {
            return Conditions.of(
                    COMMITTED,
                    true,
                    "Promoted",
                    status.toRegion + " became the active region at epoch " + status.epoch);
        }
        return Conditions.of(
                COMMITTED,
                false,
                "NotCommitted",
                status.fromRegion == null ? "nothing was changed" : status.fromRegion + " is still the active region");
    }

    static void setConditions(RegionFailoverStatus status, Condition ready, Condition committed, Instant now) {
        long generation = status.observedGeneration == null ? 0 : status.observedGeneration;
        status.conditions = Conditions.merge(status.conditions, List.of(ready, committed), generation, now);
    }

    /** 10 s, 20 s, 40 s ... at most 5 min: the wiring requeues after it. */
    static Duration backoff(int failedAttempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 10));
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    static String protection(FailoverRequest request) {
        return request.protection().kind + " " + request.protection().name;
    }
}
