package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** How often each region of a protection is probed, and how many probes make it Unhealthy or Healthy again. */
@ValidationRule(
        value = "!has(self.timeout) || !has(self.interval) || duration(self.timeout) < duration(self.interval)",
        message = "healthCheck.timeout must be shorter than healthCheck.interval")
public class HealthCheckSpec {
    // Each default is written once, here: the CRD default and the Java default read the same constant.
    static final String DEFAULT_INTERVAL = "10s";
    static final String DEFAULT_TIMEOUT = "5s";
    static final int DEFAULT_FAILURE_THRESHOLD = 3;
    static final int DEFAULT_SUCCESS_THRESHOLD = 2;

    @Default(DEFAULT_INTERVAL)
    @Pattern(SyncSpec.DURATION)
    @Size(max = SyncSpec.DURATION_MAX_LENGTH) // also bounds the CEL cost estimate
    @JsonPropertyDescription("Time between probes of a region, e.g. 10s, 30s. Defaults to 10s.")
    public String interval = DEFAULT_INTERVAL;

    @Default(DEFAULT_TIMEOUT)
    @Pattern(SyncSpec.DURATION)
    @Size(max = SyncSpec.DURATION_MAX_LENGTH)
    @JsonPropertyDescription(
            "How long a probe may take before it counts as a failure; shorter than interval. Defaults to 5s.")
    public String timeout = DEFAULT_TIMEOUT;

    @Default("" + DEFAULT_FAILURE_THRESHOLD)
    @Min(1)
    @Max(10)
    @JsonPropertyDescription(
            "Failed probes in a row (5xx or no answer) that make a region Unhealthy. Credential errors (401/403) and throttling (429) never count: they make the region Unknown. Defaults to 3.")
    public Integer failureThreshold = DEFAULT_FAILURE_THRESHOLD;

    @Default("" + DEFAULT_SUCCESS_THRESHOLD)
    @Min(1)
    @Max(10)
    @JsonPropertyDescription("Successful probes in a row that make a region Healthy again. Defaults to 2.")
    public Integer successThreshold = DEFAULT_SUCCESS_THRESHOLD;
}
