package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** Progress of a RegionFailover. Only the operator writes it; it decides from it alone, so a restart resumes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RegionFailoverStatus {
    @JsonPropertyDescription("The metadata.generation that was validated; later spec changes are ignored.")
    public Long observedGeneration;

    @JsonPropertyDescription(
            "Pending, Validating, FinalSync, Fencing, Promoting, Redirecting, Verifying, Unfencing, Succeeded, Failed,"
                    + " Rejected or Aborted.")
    public FailoverPhase phase;

    @JsonPropertyDescription("Ready (True once Succeeded), then Committed (True once the active region was switched).")
    public List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("The active region before.")
    public String fromRegion;

    @JsonPropertyDescription("The active region after.")
    public String toRegion;

    @JsonPropertyDescription("The protection's epoch this failover sets; it makes the switch idempotent.")
    public Long epoch;

    @JsonPropertyDescription("What this failover changes, fixed when it is validated.")
    public FailoverPlan plan;

    @JsonPropertyDescription("The steps so far, in order.")
    public List<FailoverStepStatus> steps = new ArrayList<>();

    @JsonPropertyDescription(
            "Each fence, recorded with the values it changes before it is made, so a failure or an abort before the"
                    + " commit can undo it.")
    public List<FenceRecord> fenced = new ArrayList<>();

    @JsonPropertyDescription(
            "Set when the failover stopped before the commit: how it ends once Unfencing has undone every fence.")
    public FailoverEnding ending;

    @JsonPropertyDescription("When the failover was validated.")
    public String startTime;

    @JsonPropertyDescription("When it reached Succeeded, Failed or Rejected.")
    public String completionTime;

    @JsonPropertyDescription("Seconds from startTime to completionTime: the measured recovery time.")
    public Long durationSeconds;

    public RegionFailoverStatus copy() {
        RegionFailoverStatus copy = new RegionFailoverStatus();
        copy.observedGeneration = observedGeneration;
        copy.phase = phase;
        copy.conditions = new ArrayList<>();
        if (conditions != null) {
            for (Condition c : conditions) {
                Condition cc = new Condition(c.type, c.status, c.reason, c.message);
                cc.lastTransitionTime = c.lastTransitionTime;
                cc.observedGeneration = c.observedGeneration;
                copy.conditions.add(cc);
            }
        }
        copy.fromRegion = fromRegion;
        copy.toRegion = toRegion;
        copy.epoch = epoch;
        copy.plan = plan == null ? null : plan.copy();
        copy.steps = new ArrayList<>();
        if (steps != null) {
            steps.forEach(s -> copy.steps.add(s.copy()));
        }
        copy.fenced = new ArrayList<>();
        if (fenced != null) {
            fenced.forEach(f -> copy.fenced.add(f.copy()));
        }
        copy.ending = ending == null ? null : ending.copy();
        copy.startTime = startTime;
        copy.completionTime = completionTime;
        copy.durationSeconds = durationSeconds;
        return copy;
    }
}
