package dev.regionguard.cloud.http;

import dev.regionguard.cloud.ErrorCategory;
import java.time.Duration;
import java.util.Objects;

/**
 * How RegionGuard talks HTTP to IBM Cloud: timeouts, the per-region concurrency limit and the
 * retry budget.
 *
 * @param connectTimeout         TCP and TLS connect
 * @param readTimeout            idle time between bytes of an answer (also used for writes)
 * @param callTimeout            one whole HTTP exchange, body included
 * @param maxConcurrentPerRegion in-flight calls per region, shared by every client of one factory
 * @param maxAttempts            attempts per call, the first one included
 * @param initialBackoff         smallest wait before a retry
 * @param maxBackoff             largest wait before a retry computed by backoff
 * @param maxRetryAfter          the longest {@code Retry-After} still waited for; beyond it the call
 *                               fails as {@link ErrorCategory#THROTTLED} carrying the wait, so the
 *                               caller can reschedule instead of blocking a worker
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxConcurrentPerRegion,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter) {

    public HttpSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(callTimeout, "callTimeout");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must not be negative");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be below initialBackoff");
        }
        if (maxConcurrentPerRegion < 1) {
            throw new IllegalArgumentException("maxConcurrentPerRegion must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                8,
                4,
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }

    public HttpSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new HttpSettings(
                connect, read, call, maxConcurrentPerRegion, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    public HttpSettings withMaxConcurrentPerRegion(int limit) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                callTimeout,
                limit,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter);
    }

    public HttpSettings withMaxAttempts(int attempts) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                callTimeout,
                maxConcurrentPerRegion,
                attempts,
                initialBackoff,
                maxBackoff,
                maxRetryAfter);
    }

    public HttpSettings withBackoff(Duration initial, Duration max) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                callTimeout,
                maxConcurrentPerRegion,
                maxAttempts,
                initial,
                max,
                maxRetryAfter);
    }

    public HttpSettings withMaxRetryAfter(Duration limit) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                callTimeout,
                maxConcurrentPerRegion,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                limit);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
