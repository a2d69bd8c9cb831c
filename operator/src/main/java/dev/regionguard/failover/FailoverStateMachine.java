package dev.regionguard.failover;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverPlan;
import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverStepResult;
import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.api.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps of a RegionFailover, decided from its recorded status alone, so that an operator killed at
 * any point resumes where the status says and repeats at most the step that was running.
 *
 * <pre>
 * Failover: Validating -> Fencing -> Promoting -> Redirecting -> Verifying -> Succeeded
 * Relocate: Validating -> FinalSync -> Fencing -> Promoting -> Redirecting -> Verifying -> Succeeded
 * Plan:     (validation) -> Succeeded with status.plan, nothing changed
 * any validation failure -> Rejected, nothing changed
 * </pre>
 *
 * Each step is first recorded as running ({@link Next.Record}), then performed by the wiring
 * ({@link Next.Perform}), then its result recorded together with the start of the next step
 * ({@link #completed}). Step results:
 *
 * <pre>
 * step         performed by the wiring                  on failure
 * Validating   take the protection's failover lock      Rejected (another failover holds it)
 * FinalSync    one sync pass active -> target           retried, Failed after 3 attempts (nothing switched)
 * Fencing      best effort on the old active region     Skipped, never blocks; skipped without contact
 *                                                       when that region is Unhealthy
 * Promoting    protection status: activeRegion, epoch,  retried until it succeeds (the commit point); done
 *              fencedRegions, if epoch is still N-1     already when the protection has the recorded epoch
 * Redirecting  publish the endpoint (CE: scaling,       retried until it succeeds: after the commit the
 *              domain mappings)                         failover must finish
 * Verifying    the new active region answers            retried, Failed after 5 attempts (still switched)
 * </pre>
 */
public final class FailoverStateMachine {
    static final int FINAL_SYNC_ATTEMPTS = 3;
    static final int VERIFY_ATTEMPTS = 5;
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);
    public static final String READY = "Ready";
    public static final String COMMITTED = "Committed";

    /** What to do next for a RegionFailover, given its recorded status (null before the first write). */
    public Next next(FailoverRequest request, RegionFailoverStatus recorded, ProtectionView view, Instant now) {
        FailoverPhase phase = recorded == null || recorded.phase == null ? FailoverPhase.Pending : recorded.phase;
        if (phase.isFinal()) {
            return done(request, recorded);
        }
        if (phase == FailoverPhase.Pending) {
            return start(request, view, now);
        }
        RegionFailoverStatus status = recorded.copy();
        FailoverStepStatus step = running(status);
        if (view == null) {
            return finish(
                    request,
                    status,
                    step,
                    FailoverPhase.Failed,
                    "ProtectionNotFound",
                    protection(request) + " no longer exists",
                    now);
        }
        return switch (step.step) {
            case Validating -> validating(request, status, step, view, now);
            case Fencing -> fencing(request, status, step, view, now);
            case Promoting -> promoting(request, status, step, view, now);
            case FinalSync, Redirecting, Verifying -> perform(status, step, view);
        };
    }

    /** The status to record after the wiring performed the running step. */
    public Next completed(
            FailoverRequest request,
            RegionFailoverStatus recorded,
            FailoverStep performed,
            StepResult result,
            Instant now) {
        RegionFailoverStatus status = recorded.copy();
        FailoverStepStatus step = running(status);
        if (step.step != performed) {
            throw new IllegalStateException("step " + performed + " completed but " + step.step + " is running");
        }
        return switch (result.outcome()) {
            case SUCCEEDED -> advance(request, status, step, FailoverStepResult.Succeeded, result.message(), now);
            case SKIPPED -> {
                if (performed != FailoverStep.Fencing && performed != FailoverStep.Redirecting) {
                    throw new IllegalArgumentException(performed + " cannot be skipped");
                }
                yield advance(request, status, step, FailoverStepResult.Skipped, result.message(), now);
            }
            case FAILED -> failed(request, status, step, result.message(), now);
        };
    }

    /** What deleting the RegionFailover means now: abort before Promoting, finish after. */
    public Deletion onDeletion(RegionFailoverStatus recorded) {
        if (recorded == null || recorded.phase == null || recorded.phase == FailoverPhase.Pending) {
            return new Deletion(true, false, "not started; nothing to undo");
        }
        boolean committed = isCommitted(recorded);
        boolean fenced = hasStep(recorded, FailoverStep.Fencing);
        if (recorded.phase.isFinal()) {
            return new Deletion(true, fenced && !committed, "already " + recorded.phase);
        }
        if (hasStep(recorded, FailoverStep.Promoting)) {
            return new Deletion(false, false, "Promoting has started: the failover runs to the end first");
        }
        return new Deletion(
                true,
                fenced,
                "aborted in " + recorded.phase + ", before Promoting: " + recorded.fromRegion
                        + " stays the active region");
    }

    private Next start(FailoverRequest request, ProtectionView view, Instant now) {
        RegionFailoverStatus status = new RegionFailoverStatus();
        status.observedGeneration = request.generation();
        status.startTime = Timestamps.format(now);
        FailoverStepStatus step = new FailoverStepStatus(FailoverStep.Validating, Timestamps.format(now));
        status.steps.add(step);
        if (view == null) {
            return finish(
                    request,
                    status,
                    step,
                    FailoverPhase.Rejected,
                    "ProtectionNotFound",
                    protection(request) + " not found in this namespace",
                    now);
        }
        Validation validation = FailoverValidation.validate(request, view);
        if (validation instanceof Validation.Refused refused) {
            return finish(request, status, step, FailoverPhase.Rejected, refused.reason(), refused.message(), now);
        }
        Validation.Accepted accepted = (Validation.Accepted) validation;
        FailoverType executed = request.type() == FailoverType.Plan ? FailoverType.Failover : request.type();
        FailoverPlan plan = FailoverPlanner.plan(executed, view, accepted.fromRegion(), accepted.toRegion());
        status.plan = plan;
        status.fromRegion = plan.fromRegion;
        status.toRegion = plan.toRegion;
        status.epoch = plan.epoch;
        step.message = accepted.note();
        if (request.type() == FailoverType.Plan) {
            step.endTime = step.startTime;
            step.result = FailoverStepResult.Succeeded;
            step.message = accepted.note() + "; nothing changed";
            status.phase = FailoverPhase.Succeeded;
            status.completionTime = status.startTime;
            status.durationSeconds = 0L;
            String message = "plan only: a Failover would make " + plan.toRegion + " active at epoch " + plan.epoch
                    + "; nothing changed";
            setConditions(
                    status,
                    Conditions.of(READY, true, "Planned", message),
                    Conditions.of(COMMITTED, false, "PlanOnly", "nothing was changed"),
                    now);
            return new Next.Record(
                    status, List.of(Milestone.normal("FailoverPlanned", protection(request) + ": " + message)), null);
        }
        status.phase = FailoverPhase.Validating;
        setProgressConditions(status, now);
        return new Next.Record(status, List.of(), null);
    }

    private Next validating(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            ProtectionView view,
            Instant now) {
        String holder = view.failoverHolder();
        if (request.name().equals(holder)) { // the lock was taken, but the crash came before recording it
            RegionTopology topology = view.topology();
            if (!topology.activeRegion().equals(status.fromRegion) || topology.epoch() != status.epoch - 1) {
                return finish(
                        request,
                        status,
                        step,
                        FailoverPhase.Rejected,
                        "ProtectionChanged",
                        "the protection changed since validation (active " + topology.activeRegion() + ", epoch "
                                + topology.epoch() + "); create a new RegionFailover",
                        now);
            }
            return advance(request, status, step, FailoverStepResult.Succeeded, "failover lock taken", now);
        }
        if (holder != null) {
            return finish(
                    request,
                    status,
                    step,
                    FailoverPhase.Rejected,
                    "FailoverInProgress",
                    "RegionFailover " + holder + " is in progress for this protection; only one runs at a time",
                    now);
        }
        return perform(status, step, view);
    }

    private Next fencing(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            ProtectionView view,
            Instant now) {
        if (view.health(status.fromRegion) == HealthState.Unhealthy) {
            // the failover path must not wait for the failed region
            return advance(
                    request,
                    status,
                    step,
                    FailoverStepResult.Skipped,
                    status.fromRegion + " is Unhealthy: not contacted",
                    now);
        }
        return perform(status, step, view);
    }

    private Next promoting(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            ProtectionView view,
            Instant now) {
        RegionTopology topology = view.topology();
        if (topology.activeRegion().equals(status.toRegion) && topology.epoch() == status.epoch) {
            return advance(
                    request,
                    status,
                    step,
                    FailoverStepResult.Succeeded,
                    status.toRegion + " is the active region at epoch " + status.epoch,
                    now);
        }
        if (topology.activeRegion().equals(status.fromRegion) && topology.epoch() == status.epoch - 1) {
            return perform(status, step, view);
        }
        return finish(
                request,
                status,
                step,
                FailoverPhase.Failed,
                "ProtectionChanged",
                "the protection changed "
                        + "outside this failover (active " + topology.activeRegion() + ", epoch " + topology.epoch()
                        + "); expected " + status.fromRegion + " at epoch " + (status.epoch - 1) + "; nothing switched",
                now);
    }

    private Next perform(RegionFailoverStatus status, FailoverStepStatus step, ProtectionView view) {
        FailoverType type = status.plan.type;
        RegionTopology after =
                isCommitted(status) ? view.topology() : FailoverPlanner.after(type, view.topology(), status.toRegion);
        return new Next.Perform(
                step.step, step.attempts, type, status.fromRegion, status.toRegion, after, status.plan.copy());
    }

    private Next failed(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            String message,
            Instant now) {
        return switch (step.step) {
            case Validating ->
                finish(request, status, step, FailoverPhase.Rejected, "FailoverInProgress", message, now);
            case Fencing ->
                advance(
                        request,
                        status,
                        step,
                        FailoverStepResult.Skipped,
                        "fencing failed, continuing without it: " + message,
                        now);
            case FinalSync ->
                step.attempts >= FINAL_SYNC_ATTEMPTS
                        ? finish(
                                request,
                                status,
                                step,
                                FailoverPhase.Failed,
                                "FinalSyncFailed",
                                "the final sync from "
                                        + status.fromRegion + " to " + status.toRegion + " failed " + step.attempts
                                        + " times: " + message
                                        + "; nothing switched",
                                now)
                        : retry(request, status, step, message, now);
            case Verifying ->
                step.attempts >= VERIFY_ATTEMPTS
                        ? finish(
                                request,
                                status,
                                step,
                                FailoverPhase.Failed,
                                "VerificationFailed",
                                status.toRegion
                                        + " is the active region at epoch " + status.epoch + " but did not answer "
                                        + step.attempts
                                        + " times: " + message,
                                now)
                        : retry(request, status, step, message, now);
            case Promoting, Redirecting -> retry(request, status, step, message, now);
        };
    }

    private Next retry(
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

    /** Ends the running step and records the next one as running, or Succeeded after the last. */
    private Next advance(
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
            String text = status.toRegion + " is the active region at epoch " + status.epoch + " after "
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
    private Next finish(
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
        String eventReason = phase == FailoverPhase.Rejected ? "FailoverRejected" : "FailoverFailed";
        return new Next.Record(
                status,
                List.of(Milestone.warning(eventReason, protection(request) + ": " + reason + ": " + message)),
                null);
    }

    private Next done(FailoverRequest request, RegionFailoverStatus status) {
        boolean committed = isCommitted(status);
        boolean unfence = !committed && hasStep(status, FailoverStep.Fencing);
        if (status.phase == FailoverPhase.Rejected || request.type() == FailoverType.Plan) {
            return new Next.Done(null, false, status.fromRegion);
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
        return new Next.Done(entry, unfence, status.fromRegion);
    }

    private Milestone milestoneFor(FailoverRequest request, RegionFailoverStatus status, FailoverStepStatus step) {
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
            case Verifying -> Milestone.normal("ActiveRegionVerified", about + step.message);
        };
    }

    static Optional<FailoverStep> successor(FailoverType type, FailoverStep step) {
        List<FailoverStep> steps = type == FailoverType.Relocate
                ? List.of(
                        FailoverStep.Validating,
                        FailoverStep.FinalSync,
                        FailoverStep.Fencing,
                        FailoverStep.Promoting,
                        FailoverStep.Redirecting,
                        FailoverStep.Verifying)
                : List.of(
                        FailoverStep.Validating,
                        FailoverStep.Fencing,
                        FailoverStep.Promoting,
                        FailoverStep.Redirecting,
                        FailoverStep.Verifying);
        int index = steps.indexOf(step);
        return index + 1 < steps.size() ? Optional.of(steps.get(index + 1)) : Optional.empty();
    }

    /** The running step: the last one, recorded without a result. */
    private static FailoverStepStatus running(RegionFailoverStatus status) {
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
    public static boolean isCommitted(RegionFailoverStatus status) {
        return status.steps != null
                && status.steps.stream()
                        .anyMatch(s -> s.step == FailoverStep.Promoting && s.result == FailoverStepResult.Succeeded);
    }

    private static boolean hasStep(RegionFailoverStatus status, FailoverStep step) {
        return status.steps != null && status.steps.stream().anyMatch(s -> s.step == step);
    }

    private static void complete(RegionFailoverStatus status, Instant now) {
        status.completionTime = Timestamps.format(now);
        Instant started = Timestamps.parse(status.startTime);
        status.durationSeconds =
                started == null ? 0 : Math.max(0, Duration.between(started, now).toSeconds());
    }

    private static void setProgressConditions(RegionFailoverStatus status, Instant now) {
        FailoverStepStatus step = status.steps.get(status.steps.size() - 1);
        String doing = switch (step.step) {
            case Validating -> "taking the protection's failover lock";
            case FinalSync -> "syncing " + status.fromRegion + " to " + status.toRegion + " once before the switch";
            case Fencing -> "fencing " + status.fromRegion + " (best effort)";
            case Promoting -> "making " + status.toRegion + " the active region at epoch " + status.epoch;
            case Redirecting -> "publishing " + status.toRegion + " as the active region";
            case Verifying -> "checking that " + status.toRegion + " answers";
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

    private static Condition committedCondition(RegionFailoverStatus status) {
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

    private static void setConditions(RegionFailoverStatus status, Condition ready, Condition committed, Instant now) {
        long generation = status.observedGeneration == null ? 0 : status.observedGeneration;
        status.conditions = Conditions.merge(status.conditions, List.of(ready, committed), generation, now);
    }

    /** 10 s, 20 s, 40 s ... at most 5 min: the wiring requeues after it. */
    static Duration backoff(int failedAttempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 10));
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    private static String protection(FailoverRequest request) {
        return request.protection().kind + " " + request.protection().name;
    }
}
