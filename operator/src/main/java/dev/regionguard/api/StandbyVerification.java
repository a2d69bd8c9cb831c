package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The last proof that a standby works: real traffic sent through it. */
public class StandbyVerification {
    @JsonPropertyDescription("When the proof ended.")
    public String time;

    @JsonPropertyDescription("True when every check passed.")
    public Boolean verified;

    @JsonPropertyDescription("How long the whole proof took.")
    public Long durationMs;

    @JsonPropertyDescription("The first failure, or what was proven.")
    public String message;

    @JsonPropertyDescription("Each check of the proof, in the order they ran (at most 20).")
    public List<VerificationCheck> checks = new ArrayList<>();
}
