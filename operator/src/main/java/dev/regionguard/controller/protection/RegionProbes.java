package dev.regionguard.controller.protection;

import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.health.ProbeOutcome;
import dev.regionguard.spec.HealthCheckSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Probes regions concurrently, each within the timeout; a probe that does not end in time is a
 * failure. A probe makes up to {@link HealthCheckSettings#ATTEMPTS_PER_PROBE} attempts and fails
 * only when every one fails: random loss of 10 % per request then fails a probe 1 in 1,000 times
 * instead of 1 in 10 (see the bench's false-failover figure).
 */
final class RegionProbes {
    private static final int ATTEMPTS = HealthCheckSettings.ATTEMPTS_PER_PROBE;

    private RegionProbes() {}

    static Map<String, ProbeOutcome> probe(ExecutorService executor, Map<String, Runnable> calls, Duration timeout) {
        Map<String, Future<ProbeOutcome>> running = new LinkedHashMap<>();
        calls.forEach((region, call) -> running.put(region, executor.submit(() -> once(call))));
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, ProbeOutcome> outcomes = new LinkedHashMap<>();
        running.forEach((region, future) -> outcomes.put(region, await(future, deadline, timeout)));
        return outcomes;
    }

    /** One probe on the calling thread, bounded by the timeout. */
    static ProbeOutcome probeOne(ExecutorService executor, Runnable call, Duration timeout) {
        return await(executor.submit(() -> once(call)), System.nanoTime() + timeout.toNanos(), timeout);
    }

    private static ProbeOutcome once(Runnable call) {
        ProbeOutcome outcome = attempt(call);
        for (int i = 1;
                i < ATTEMPTS
                        && outcome instanceof ProbeOutcome.Failure
                        && !Thread.currentThread().isInterrupted();
                i++) {
            outcome = attempt(call);
        }
        return outcome;
    }

    private static ProbeOutcome attempt(Runnable call) {
        long started = System.nanoTime();
        try {
            call.run();
            return new ProbeOutcome.Success(Duration.ofNanos(System.nanoTime() - started));
        } catch (IbmApiException e) {
            return ProbeOutcome.ofError(e.category(), e.summary());
        } catch (RuntimeException e) {
            return new ProbeOutcome.Failure(dev.regionguard.cloud.ErrorCategory.UNREACHABLE, e.getMessage());
        }
    }

    private static ProbeOutcome await(Future<ProbeOutcome> future, long deadline, Duration timeout) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return ProbeOutcome.timedOut(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return ProbeOutcome.timedOut(timeout);
        } catch (ExecutionException e) {
            return new ProbeOutcome.Failure(
                    dev.regionguard.cloud.ErrorCategory.UNREACHABLE, String.valueOf(e.getCause()));
        }
    }
}
