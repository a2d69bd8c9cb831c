package dev.regionguard.codeengine;

import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Repeats a check at a fixed interval until it gives an answer or time runs out. */
final class Polling {
    private final Duration interval;

    Polling(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive");
        }
        this.interval = interval;
    }

    Duration interval() {
        return interval;
    }

    /**
     * Calls {@code check} at once and then every interval (the last wait cut short at the
     * deadline); empty when {@code timeout} passed without an answer. Runs the check at least once.
     */
    <T> Optional<T> until(Duration timeout, String region, Supplier<Optional<T>> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> answer = check.get();
            long left = deadline - System.nanoTime();
            if (answer.isPresent() || left <= 0) {
                return answer;
            }
            sleep(Math.min(left, interval.toNanos()), region);
        }
    }

    /**
     * As {@link #until}, but holds no thread while it waits: each check runs on {@code executor},
     * the next one is scheduled after the interval. The future fails when a check throws or the
     * executor refuses a check (shut down).
     */
    <T> CompletableFuture<Optional<T>> untilAsync(Duration timeout, Executor executor, Supplier<Optional<T>> check) {
        CompletableFuture<Optional<T>> result = new CompletableFuture<>();
        Executor refusalFails = task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(e);
            }
        };
        long deadline = System.nanoTime() + timeout.toNanos();
        refusalFails.execute(() -> checkOnce(deadline, refusalFails, check, result));
        return result;
    }

    private <T> void checkOnce(
            long deadline, Executor executor, Supplier<Optional<T>> check, CompletableFuture<Optional<T>> result) {
        try {
            Optional<T> answer = check.get();
            long left = deadline - System.nanoTime();
            if (answer.isPresent() || left <= 0) {
                result.complete(answer);
                return;
            }
            CompletableFuture.delayedExecutor(Math.min(left, interval.toNanos()), TimeUnit.NANOSECONDS, executor)
                    .execute(() -> checkOnce(deadline, executor, check, result));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** "300 s", or "50 ms" below a second. */
    static String describe(Duration duration) {
        return duration.compareTo(Duration.ofSeconds(1)) < 0
                ? duration.toMillis() + " ms"
                : duration.toSeconds() + " s";
    }

    private static void sleep(long nanos, String region) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IbmApiException(
                    0,
                    ErrorCategory.UNREACHABLE,
                    null,
                    "interrupted while waiting for Code Engine",
                    null,
                    region,
                    null,
                    e);
        }
    }
}
