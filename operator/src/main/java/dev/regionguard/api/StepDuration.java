package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** How long one failover step took, or is expected to take and on what evidence. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StepDuration {
    @JsonPropertyDescription("Validating, FinalSync, Fencing, Promoting, Redirecting, Verifying or Unfencing.")
    public FailoverStep step;

    @JsonPropertyDescription("Seconds; absent in an estimate that has no evidence for this step.")
    public Long seconds;

    @Size(max = 200)
    @JsonPropertyDescription(
            "For an estimate: where the figure comes from, e.g. 'median of the last 3 recorded Failovers to us-east' or 'measured by this drill'.")
    public String basis;

    public StepDuration() {}

    public StepDuration(FailoverStep step, Long seconds, String basis) {
        this.step = step;
        this.seconds = seconds;
        this.basis = basis;
    }

    public StepDuration copy() {
        return new StepDuration(step, seconds, basis);
    }
}
