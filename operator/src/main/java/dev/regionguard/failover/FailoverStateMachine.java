package dev.regionguard.failover;

import static dev.regionguard.failover.StepRecording.advance;
import static dev.regionguard.failover.StepRecording.finish;
import static dev.regionguard.failover.StepRecording.protection;
import static dev.regionguard.failover.StepRecording.running;

import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverStepResult;
import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.FenceRecord;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.RegionFailoverStatus;
import java.time.Instant;

/**
 * The steps of a RegionFailover, decided from its recorded status alone, so that an operator killed at
 * any point resumes where the status says and repeats at most the step that was running.
 *
 * <pre>
 * Failover: Validating -> Fencing -> Promoting -> Redirecting -> Verifying -> Succeeded
 * Relocate: Validating -> FinalSync -> Fencing -> Promoting -> Redirecting -> Verifying -> Succeeded
 * Plan:     (validation) -> Succeeded with status.plan, nothing changed
 * Drill:    Validating -> Verifying (a proof of the target with spec.verification's checks) -> Succeeded,
 *           nothing changed; a failed proof -> Failed (DrillFailed), nothing changed
 * any validation failure -> Rejected, nothing changed
 * </pre>
 *
 * Each step is first recorded as running ({@link Next.Record}), then performed by the wiring
 * ({@link Next.Perform}), then its result recorded together with the start of the next step
 * ({@link #completed}). Step results:
 *
 * <pre>
 * step         performed by the wiring                  on failure (retried with back-off 10 s .. 5 min)
 * Validating   nothing: the lock is the earliest        Rejected (another failover holds it)
 *              RegionFailover not final
 * FinalSync    one sync pass active -> target           Failed after 3 attempts (nothing switched)
 * Fencing      record what it changes in status.fenced, Skipped, never blocks; skipped without contact
 *              then fence the old active region         when that region is Unhealthy; a lost lock stops it
 * Promoting    nothing: recording it is the commit      stop after 5 attempts or a refusal (foreign endpoint
 *                                                       ConfigMap, protection changed): Unfencing, Failed
 * Redirecting  publish the endpoint (CE: scaling,       Failed after 8 attempts, still switched
 *              domain mappings)
 * Verifying    the new active region answers            Failed after 5 attempts, still switched
 * Unfencing    undo every recorded fence, before the    Failed UnfenceFailed after 6 attempts
 *              commit only; then Failed or Aborted
 * </pre>
 *
 * This class decides; {@link FailoverStart} writes the first status, {@link StepRecording} writes each
 * outcome and {@link FailoverEnd} decides what a final or deleted failover leaves behind.
 */
public final class FailoverStateMachine {
    /** What to do next for a RegionFailover, given its recorded status (null before the first write). */
    public Next next(FailoverRequest request, RegionFailoverStatus recorded, ProtectionView view, Instant now) {
        FailoverPhase phase = recorded == null || recorded.phase == null ? FailoverPhase.Pending : recorded.phase;
        if (phase.isFinal()) {
            return FailoverEnd.done(request, recorded);
        }
        if (phase == FailoverPhase.Pending) {
            return FailoverStart.start(request, view, now);
        }
        RegionFailoverStatus status = recorded.copy();
        FailoverStepStatus step = running(status);
        if (view == null) { // the wiring checked the API server: the protection is gone, with its keys
            String left = FailoverStop.pending(status).isEmpty()
                    ? ""
                    : "; the fencing of " + status.fromRegion + " could not be undone (see status.fenced)";
            return finish(
                    request,
                    status,
                    step,
                    FailoverPhase.Failed,
                    step.step == FailoverStep.Unfencing ? "UnfenceFailed" : "ProtectionNotFound",
                    protection(request) + " no longer exists" + left,
                    now);
        }
        return switch (step.step) {
            case Validating -> validating(request, status, step, view, now);
            case Fencing -> fencing(request, status, step, view, now);
            case Promoting -> promoting(request, status, step, view, now);
            case Unfencing -> unfencing(request, status, step, view, now);
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
        if (performed == FailoverStep.Unfencing) {
            return FailoverStop.unfenced(request, status, step, result, now);
        }
        return switch (result.outcome()) {
            case SUCCEEDED -> advance(request, status, step, FailoverStepResult.Succeeded, result.message(), now);
            case SKIPPED -> {
                if (performed != FailoverStep.Fencing && performed != FailoverStep.Redirecting) {
                    throw new IllegalArgumentException(performed + " cannot be skipped");
                }
                yield advance(request, status, step, FailoverStepResult.Skipped, result.message(), now);
            }
            case FAILED -> FailoverFailures.failed(request, status, step, result, now);
        };
    }

    /**
     * The status to record before the Fencing step changes anything in region: the values it is about
     * to change. Null when a record for the region exists already (a repeated attempt keeps the values
     * from before the first one, never the half-fenced ones).
     */
    public RegionFailoverStatus fenceToRecord(RegionFailoverStatus recorded, FenceRecord fence) {
        if (recorded.fenced != null && recorded.fenced.stream().anyMatch(f -> f.region.equals(fence.region))) {
            return null;
        }
        RegionFailoverStatus status = recorded.copy();
        status.fenced.add(fence.copy());
        return status;
    }

    /** The RegionFailover was deleted before its commit: stop, undoing its fences, and end Aborted. */
    public Next abort(FailoverRequest request, RegionFailoverStatus recorded, Instant now) {
        RegionFailoverStatus status = recorded.copy();
        return FailoverStop.stop(
                request,
                status,
                running(status),
                FailoverPhase.Aborted,
                "Aborted",
                "the RegionFailover was deleted in " + status.phase + ", before the commit",
                now);
    }

    /** What deleting the RegionFailover means now: abort before Promoting, finish after. */
    public Deletion onDeletion(RegionFailoverStatus recorded) {
        return FailoverEnd.onDeletion(recorded);
    }

    /** True once Promoting succeeded: the protection's active region was switched. */
    public static boolean isCommitted(RegionFailoverStatus status) {
        return StepRecording.isCommitted(status);
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
        if (view.health(status.fromRegion) == HealthState.Unhealthy && !view.fencesOutside()) {
            // the failover path must not wait for the failed region (a fence outside it does not)
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
        return FailoverStop.stop(
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

    private Next unfencing(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            ProtectionView view,
            Instant now) {
        if (!view.topology().activeRegion().equals(status.fromRegion)) {
            // another failover made it a standby meanwhile: that one's fencing must hold
            return FailoverStop.unfenced(
                    request,
                    status,
                    step,
                    StepResult.skipped(status.fromRegion + " is no longer the active region: its fences stay"),
                    now);
        }
        return perform(status, step, view);
    }
}
