package dev.regionguard.spec;

import dev.regionguard.api.HealthCheckSpec;
import java.time.Duration;

/** A protection's {@code spec.healthCheck}, parsed and checked. */
public record HealthCheckSettings(Duration interval, Duration timeout, int failureThreshold, int successThreshold) {
    /**
     * Attempts one probe makes before it counts as failed: a single lost request is noise, a region
     * that refuses every attempt is not. An outage fails all attempts at once, so detection is not slower.
     */
    public static final int ATTEMPTS_PER_PROBE = 3;

    public static final HealthCheckSettings DEFAULTS =
            new HealthCheckSettings(Duration.ofSeconds(10), Duration.ofSeconds(5), 3, 2);

    public HealthCheckSettings {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("healthCheck.interval must be at least 1s");
        }
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(interval) >= 0) {
            // a probe must end before the next one is due, or probes of a slow region pile up
            throw new IllegalArgumentException(
                    "healthCheck.timeout must be above 0 and shorter than healthCheck.interval");
        }
        if (failureThreshold < 1 || successThreshold < 1) {
            throw new IllegalArgumentException("healthCheck thresholds must be at least 1");
        }
    }

    public static HealthCheckSettings of(HealthCheckSpec spec) throws Blocked {
        if (spec == null) {
            return DEFAULTS;
        }
        try {
            return new HealthCheckSettings(
                    Durations.parseOr(spec.interval, DEFAULTS.interval),
                    Durations.parseOr(spec.timeout, DEFAULTS.timeout),
                    spec.failureThreshold == null ? DEFAULTS.failureThreshold : spec.failureThreshold,
                    spec.successThreshold == null ? DEFAULTS.successThreshold : spec.successThreshold);
        } catch (IllegalArgumentException e) {
            throw Blocked.spec(
                    e.getMessage().startsWith("healthCheck") ? e.getMessage() : "healthCheck: " + e.getMessage());
        }
    }

    /** The shortest time from the first failed probe to Unhealthy. */
    public Duration timeToUnhealthy() {
        return interval.multipliedBy(failureThreshold - 1L);
    }
}
