package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Role and health of one region of a protection, as of its last health transition or role change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RegionStatus {
    @JsonPropertyDescription("IBM Cloud region, e.g. us-south.")
    public String region;

    @JsonPropertyDescription("Primary (the active region), Standby or Fenced.")
    public RegionRole role;

    @JsonPropertyDescription("Healthy, Unhealthy or Unknown (no verdict yet, credentials refused, or throttled).")
    public HealthState state;

    @JsonPropertyDescription("When the region entered this state.")
    public String since;

    @JsonPropertyDescription("Failed probes in a row when the state was last written.")
    public Integer consecutiveFailures;

    @JsonPropertyDescription("The last probe error, while the region is not Healthy.")
    public String lastError;

    @JsonPropertyDescription("Latency of the last successful probe when the state was last written, in milliseconds.")
    public Long probeLatencyMs;

    public RegionStatus() {}

    public RegionStatus(String region, RegionRole role, HealthState state, String since) {
        this.region = region;
        this.role = role;
        this.state = state;
        this.since = since;
    }
}
