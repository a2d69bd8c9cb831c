package dev.regionguard.failover;

import static dev.regionguard.api.Conditions.COMMITTED;
import static dev.regionguard.api.Conditions.READY;
import static dev.regionguard.failover.StepRecording.finish;
import static dev.regionguard.failover.StepRecording.protection;

import dev.regionguard.api.Conditions;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverPlan;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverStepResult;
import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.api.Timestamps;
import java.time.Instant;
import java.util.List;

/**
 * The first status of a RegionFailover: validated and planned, then either Rejected, Succeeded at once
 * (type Plan: nothing changes) or Validating with the plan recorded.
 */
final class FailoverStart {
    private FailoverStart() {}

    static Next start(FailoverRequest request, ProtectionView view, Instant now) {
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
            return planOnly(request, status, step, accepted, now);
        }
        status.phase = FailoverPhase.Validating;
        StepRecording.setProgressConditions(status, now);
        return new Next.Record(status, List.of(), null);
    }

    /** A Plan request ends here: the plan is recorded and nothing is changed. */
    private static Next planOnly(
            FailoverRequest request,
            RegionFailoverStatus status,
            FailoverStepStatus step,
            Validation.Accepted accepted,
            Instant now) {
        step.endTime = step.startTime;
        step.result = FailoverStepResult.Succeeded;
        step.message = accepted.note() + "; nothing changed";
        status.phase = FailoverPhase.Succeeded;
        status.completionTime = status.startTime;
        status.durationSeconds = 0L;
        String message = "plan only: a Failover would make " + status.plan.toRegion + " active at epoch "
                + status.plan.epoch + "; nothing changed";
        StepRecording.setConditions(
                status,
                Conditions.of(READY, true, "Planned", message),
                Conditions.of(COMMITTED, false, "PlanOnly", "nothing was changed"),
                now);
        return new Next.Record(
                status, List.of(Milestone.normal("FailoverPlanned", protection(request) + ": " + message)), null);
    }
}
