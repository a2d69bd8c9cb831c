package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One thing a proof of a standby exercised, and how it went. */
public class VerificationCheck {
    @JsonPropertyDescription("What was exercised, e.g. destination/ops-webhook, app/checkout, job/smoke.")
    public String name;

    @JsonPropertyDescription("True when the standby did what was asked.")
    public Boolean passed;

    @JsonPropertyDescription("How long it took, cold start included.")
    public Long durationMs;

    @JsonPropertyDescription("What the standby answered, when it did not pass or when worth knowing.")
    public String message;

    public VerificationCheck() {}

    public VerificationCheck(String name, boolean passed, long durationMs, String message) {
        this.name = name;
        this.passed = passed;
        this.durationMs = durationMs;
        this.message = message;
    }
}
