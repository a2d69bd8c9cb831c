package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A finished failover or relocation of a protection, kept after its RegionFailover and Events are gone. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverRecord {
    @JsonPropertyDescription("Name of the RegionFailover.")
    public String name;

    @JsonPropertyDescription("Failover or Relocate.")
    public FailoverType type;

    @JsonPropertyDescription("True when the operator started it (failover.mode Automatic).")
    public Boolean automatic;

    @JsonPropertyDescription("The active region before.")
    public String fromRegion;

    @JsonPropertyDescription("The region it made, or was to make, active.")
    public String toRegion;

    @JsonPropertyDescription("The epoch it set; absent when it failed before switching the active region.")
    public Long epoch;

    @JsonPropertyDescription("Succeeded or Failed.")
    public FailoverPhase phase;

    @JsonPropertyDescription("When it was validated.")
    public String startTime;

    @JsonPropertyDescription("When it ended.")
    public String completionTime;

    @JsonPropertyDescription("Seconds it took.")
    public Long durationSeconds;

    @JsonPropertyDescription("The reason given in its spec.")
    public String reason;

    @JsonPropertyDescription("How it ended.")
    public String message;

    @Size(max = 7)
    @JsonPropertyDescription("Seconds each step took, in order.")
    public List<StepDuration> steps;

    @Size(max = 7)
    @JsonPropertyDescription(
            "A Drill only: what each step of a Failover to its region is expected to take, from the recorded failovers and what the drill measured.")
    public List<StepDuration> expectedSteps;
}
