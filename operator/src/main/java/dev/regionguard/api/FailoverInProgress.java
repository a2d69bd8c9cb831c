package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The RegionFailover that holds a protection while it runs: only one at a time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverInProgress {
    @JsonPropertyDescription("Name of the RegionFailover, in this namespace.")
    public String name;

    @JsonPropertyDescription("Failover or Relocate.")
    public FailoverType type;

    @JsonPropertyDescription("Its phase when last mirrored here.")
    public FailoverPhase phase;

    @JsonPropertyDescription("The region it makes active.")
    public String targetRegion;

    public FailoverInProgress() {}

    public FailoverInProgress(String name, FailoverType type, FailoverPhase phase, String targetRegion) {
        this.name = name;
        this.type = type;
        this.phase = phase;
        this.targetRegion = targetRegion;
    }
}
