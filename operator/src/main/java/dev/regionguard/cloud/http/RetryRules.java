package dev.regionguard.cloud.http;

import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Which failed attempts may be repeated, and how long to wait first. */
final class RetryRules {
    private final HttpSettings settings;

    RetryRules(HttpSettings settings) {
        this.settings = settings;
    }

    /**
     * @param sent       false when the request certainly never reached the server (connection
     *                   refused, unknown host, no token)
     * @param idempotent whether repeating the request after an ambiguous failure is harmless
     */
    boolean mayRetry(IbmApiException failure, boolean sent, boolean idempotent) {
        if (failure.category() == ErrorCategory.THROTTLED) {
            // A 429 was refused before any work; only a wait longer than we accept stops the retry
            return failure.retryAfter()
                    .map(wait -> wait.compareTo(settings.maxRetryAfter()) <= 0)
                    .orElse(true);
        }
        if (!failure.category().isTransient()) {
            return false;
        }
        // A POST that may have reached the server could have created its entity already
        return idempotent || !sent;
    }

    /** The wait before attempt {@code failedAttempts + 1}: the server's Retry-After, else backoff. */
    Duration delayAfter(int failedAttempts, IbmApiException failure) {
        if (failure != null && failure.retryAfter().isPresent()) {
            return failure.retryAfter().get();
        }
        return backoff(failedAttempts);
    }

    /**
     * Exponential backoff with jitter, always within [initialBackoff, maxBackoff]: the n-th retry
     * waits a random time in the upper half of {@code initialBackoff × 2^n}. Computed here rather
     * than by Failsafe's jitter, which would also shorten a server's Retry-After.
     */
    Duration backoff(int failedAttempts) {
        long initial = settings.initialBackoff().toNanos();
        long max = settings.maxBackoff().toNanos();
        int doublings = Math.min(Math.max(failedAttempts, 1), 40);
        long upper = initial > (max >> doublings) ? max : initial << doublings;
        long lower = Math.max(initial, upper / 2);
        long nanos = lower >= upper ? upper : ThreadLocalRandom.current().nextLong(lower, upper + 1);
        return Duration.ofNanos(nanos);
    }
}
