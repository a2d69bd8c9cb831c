package dev.regionguard.operator;

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
    public static final Duration MAX_INTERVAL = Duration.ofSeconds(10);

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private ReconcileSchedule() {}

    /** Exponential back-off that never gives up. */
    public static Retry neverGiveUp() {
        return new GenericRetry()
                .setInitialInterval(FIRST_RETRY)
                .setIntervalMultiplier(2)
                .setMaxInterval(LONGEST_RETRY.toMillis())
                .withoutMaxAttempts();
    }
}
