package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How a failover that stopped before the commit ends, once its fences are undone. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverEnding {
    @JsonPropertyDescription("Failed or Aborted.")
    public FailoverPhase phase;

    @JsonPropertyDescription("The reason of the failure or abort (the Ready condition's reason at the end).")
    public String reason;

    @JsonPropertyDescription("What went wrong, for the Ready condition's message at the end.")
    public String message;

    public FailoverEnding() {}

    public FailoverEnding(FailoverPhase phase, String reason, String message) {
        this.phase = phase;
        this.reason = reason;
        this.message = message;
    }

    public FailoverEnding copy() {
        return new FailoverEnding(phase, reason, message);
    }
}
