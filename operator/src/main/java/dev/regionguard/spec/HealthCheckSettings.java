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

    /** The CRD's defaults (declared on {@link HealthCheckSpec}), parsed. */
    public static final HealthCheckSettings DEFAULTS = parse(new HealthCheckSpec(), new HealthCheckSpec());

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
            return parse(spec, new HealthCheckSpec());
        } catch (IllegalArgumentException e) {
            throw Blocked.spec(
                    e.getMessage().startsWith("healthCheck") ? e.getMessage() : "healthCheck: " + e.getMessage());
        }
    }

    private static HealthCheckSettings parse(HealthCheckSpec spec, HealthCheckSpec defaults) {
        return new HealthCheckSettings(
                Durations.parseOr(spec.interval, defaults.interval),
                Durations.parseOr(spec.timeout, defaults.timeout),
                spec.failureThreshold == null ? defaults.failureThreshold : spec.failureThreshold,
                spec.successThreshold == null ? defaults.successThreshold : spec.successThreshold);
    }

    /** The shortest time from the first failed probe to Unhealthy. */
    public Duration timeToUnhealthy() {
        return interval.multipliedBy(failureThreshold - 1L);
    }
}
