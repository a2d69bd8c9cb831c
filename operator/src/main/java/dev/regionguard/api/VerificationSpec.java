package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * How often each standby is proven to work by exercising it, and how long one proof may take. What is
 * exercised depends on the service: {@link EnVerificationSpec}, {@link CeVerificationSpec}.
 */
@ValidationRule(
        value = "!has(self.interval) || duration(self.interval) >= duration('1m')",
        message = "verification.interval must be at least 1m: each proof sends real traffic through the standby")
@ValidationRule(
        value = "!has(self.timeout) || !has(self.interval) || duration(self.timeout) < duration(self.interval)",
        message = "verification.timeout must be shorter than verification.interval")
public abstract class VerificationSpec {
    static final String DEFAULT_INTERVAL = "1h";
    static final String DEFAULT_TIMEOUT = "2m";

    @Default(DEFAULT_INTERVAL)
    @Pattern(SyncSpec.DURATION)
    @Size(max = SyncSpec.DURATION_MAX_LENGTH)
    @JsonPropertyDescription("Time between two proofs of each standby, at least 1m. Defaults to 1h.")
    public String interval = DEFAULT_INTERVAL;

    @Default(DEFAULT_TIMEOUT)
    @Pattern(SyncSpec.DURATION)
    @Size(max = SyncSpec.DURATION_MAX_LENGTH)
    @JsonPropertyDescription(
            "How long one proof of one standby may take, cold starts and job runs included; shorter than interval. Defaults to 2m.")
    public String timeout = DEFAULT_TIMEOUT;
}
