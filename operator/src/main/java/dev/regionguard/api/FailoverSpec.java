package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Whether the operator may fail over by itself, and where the active endpoint is published. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverSpec {
    // Each default is written once, here: the CRD default and the Java default read the same constant.
    static final String DEFAULT_MODE = "Manual";
    static final String DEFAULT_COOLDOWN = "30m";

    @Default(DEFAULT_MODE)
    @JsonPropertyDescription(
            "Manual: only a RegionFailover created by a person fails over. Automatic: the operator also creates one when the active region is Unhealthy for failureThreshold probes and a ready standby exists. Never fails back automatically. Defaults to Manual.")
    public FailoverMode mode = FailoverMode.valueOf(DEFAULT_MODE);

    @Default(DEFAULT_COOLDOWN)
    @Pattern(SyncSpec.DURATION)
    @Size(max = SyncSpec.DURATION_MAX_LENGTH)
    @JsonPropertyDescription(
            "Least time between two automatic failovers of this protection, e.g. 30m, 1h. Defaults to 30m.")
    public String cooldown = DEFAULT_COOLDOWN;

    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @Size(max = 253)
    @JsonPropertyDescription(
            "ConfigMap in this namespace where the operator publishes the active region and endpoint after a failover. Absent: nothing is published.")
    public String endpointConfigMap;

    @JsonPropertyDescription(
            "Witnesses that must agree before an automatic failover (see RegionObservation). Absent: the operator's own probes decide.")
    public QuorumSpec quorum;
}
