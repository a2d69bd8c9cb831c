package dev.regionguard.operator;

import dev.regionguard.spec.Durations;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.javaoperatorsdk.operator.processing.retry.Retry;
import java.time.Duration;

/**
 * When JOSDK runs a reconciler again on its own. Monitoring must never stop: a failing reconcile is retried
 * without an attempt limit (backing off from 1 s to at most 10 s, so an API server outage cannot become a
 * retry storm), and a protection is reconciled at least every probe interval even when no event arrives.
 */
public final class ReconcileSchedule {
    /** At most this long between two reconciles of a protection: the default healthCheck.interval. */
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(10);

    static final Duration SHORTEST_MAX_INTERVAL = Duration.ofSeconds(1);
    static final Duration LONGEST_MAX_INTERVAL = Duration.ofMinutes(10);

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private ReconcileSchedule() {}

    /**
     * REGIONGUARD_MAX_RECONCILE_INTERVAL (e.g. 10s, 1m): absent means the default; outside 1s..10m, or
     * not a duration, stops the start-up with a message rather than running with a silent fallback.
     */
    public static Duration maxInterval(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_MAX_INTERVAL;
        }
        Duration interval;
        try {
            interval = Durations.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("REGIONGUARD_MAX_RECONCILE_INTERVAL: " + e.getMessage(), e);
        }
        if (interval.compareTo(SHORTEST_MAX_INTERVAL) < 0 || interval.compareTo(LONGEST_MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException(
                    "REGIONGUARD_MAX_RECONCILE_INTERVAL must be between 1s and 10m, not '" + text + "'");
        }
        return interval;
    }

    /** Exponential back-off that never gives up. */
    public static Retry neverGiveUp() {
        return new GenericRetry()
                .setInitialInterval(FIRST_RETRY)
                .setIntervalMultiplier(2)
                .setMaxInterval(LONGEST_RETRY.toMillis())
                .withoutMaxAttempts();
    }
}
