package dev.regionguard.spec;

import dev.regionguard.api.CeVerificationSpec;
import dev.regionguard.api.EnVerificationSpec;
import dev.regionguard.api.VerificationSpec;
import java.time.Duration;
import java.util.List;

/**
 * spec.verification, parsed: how often each standby is proven to work, how long one proof may take,
 * and what it exercises besides the service's own checks (EN destinations, CE jobs).
 */
public record VerificationSettings(Duration interval, Duration timeout, List<String> destinations, List<String> jobs) {
    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    public VerificationSettings {
        destinations = List.copyOf(destinations);
        jobs = List.copyOf(jobs);
    }

    /** Null when the spec asks for no proof. */
    public static VerificationSettings of(VerificationSpec spec) throws Blocked {
        if (spec == null) {
            return null;
        }
        try {
            Duration interval = Durations.parseOr(spec.interval, "1h");
            Duration timeout = Durations.parseOr(spec.timeout, "2m");
            if (interval.compareTo(MIN_INTERVAL) < 0) {
                throw Blocked.spec("verification.interval must be at least 1m");
            }
            if (timeout.isZero() || timeout.compareTo(interval) >= 0) {
                throw Blocked.spec("verification.timeout must be above 0 and shorter than verification.interval");
            }
            List<String> destinations =
                    spec instanceof EnVerificationSpec en && en.destinations != null ? en.destinations : List.of();
            List<String> jobs = spec instanceof CeVerificationSpec ce && ce.jobs != null ? ce.jobs : List.of();
            return new VerificationSettings(interval, timeout, destinations, jobs);
        } catch (IllegalArgumentException e) {
            throw Blocked.spec("verification: " + e.getMessage());
        }
    }
}
