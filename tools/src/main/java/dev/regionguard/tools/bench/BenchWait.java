package dev.regionguard.tools.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The benchmarks' one poll loop: a benchmark measures wall time, so it waits by polling, never a test framework. */
final class BenchWait {
    private BenchWait() {}

    /** Polls {@code done} every {@code poll} until it holds; fails naming {@code what} after {@code timeout}. */
    static void until(String what, Duration timeout, Duration poll, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("benchmark: " + what + " not within " + timeout);
            }
            pause(poll);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
