package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One step of a RegionFailover: recorded when it starts, completed when it ends. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverStepStatus {
    @JsonPropertyDescription("Validating, FinalSync, Fencing, Promoting, Redirecting, Verifying or Unfencing.")
    public FailoverStep step;

    @JsonPropertyDescription("When the step was recorded as started.")
    public String startTime;

    @JsonPropertyDescription("When the step ended; absent while it runs.")
    public String endTime;

    @JsonPropertyDescription("Succeeded, Skipped, Failed or Rejected; absent while the step runs.")
    public FailoverStepResult result;

    @JsonPropertyDescription("Attempts so far; failed attempts of retried steps count.")
    public Integer attempts;

    @JsonPropertyDescription("What the step did, or why its last attempt failed.")
    public String message;

    public FailoverStepStatus() {}

    public FailoverStepStatus(FailoverStep step, String startTime) {
        this.step = step;
        this.startTime = startTime;
        this.attempts = 1;
    }

    public FailoverStepStatus copy() {
        FailoverStepStatus copy = new FailoverStepStatus(step, startTime);
        copy.endTime = endTime;
        copy.result = result;
        copy.attempts = attempts;
        copy.message = message;
        return copy;
    }
}
