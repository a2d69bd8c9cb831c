package dev.regionguard.controller.protection;

import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.cloud.http.IamTokenService;
import dev.regionguard.health.ProbeOutcome;
import dev.regionguard.spec.HealthCheckSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes regions concurrently, each within the timeout from the moment it starts ({@link ProbeTask}).
 * A probe makes up to {@link HealthCheckSettings#ATTEMPTS_PER_PROBE} attempts and fails only when
 * every one fails: random loss of 10 % per request then fails a probe 1 in 1,000 times instead of
 * 1 in 10 (see the bench's false-failover figure).
 *
 * <p>Only the region is blamed: an IAM failure (IamUnavailable, IamKeyRejected), a bug in the probe
 * (ProbeError) or a set-up the region reports faithfully ({@link ProbeInconclusive}) makes the
 * region Unknown with that reason, never Unhealthy.
 */
public final class RegionProbes {
    private static final Logger LOG = LoggerFactory.getLogger(RegionProbes.class);
    private static final int ATTEMPTS = HealthCheckSettings.ATTEMPTS_PER_PROBE;

    private RegionProbes() {}

    public static Map<String, ProbeOutcome> probe(
            ExecutorService executor, Map<String, Runnable> calls, Duration timeout) {
        Map<String, ProbeTask> running = new LinkedHashMap<>();
        calls.forEach((region, call) -> running.put(region, submit(executor, call, timeout)));
        Map<String, ProbeOutcome> outcomes = new LinkedHashMap<>();
        running.forEach((region, task) -> outcomes.put(region, task.await()));
        return outcomes;
    }

    /** One probe, bounded by the timeout once it runs. */
    static ProbeOutcome probeOne(ExecutorService executor, Runnable call, Duration timeout) {
        return submit(executor, call, timeout).await();
    }

    private static ProbeTask submit(ExecutorService executor, Runnable call, Duration timeout) {
        return ProbeTask.submit(executor, calls -> attempts(call, calls, timeout), timeout);
    }

    private static ProbeOutcome attempts(Runnable call, ProbeCalls calls, Duration timeout) {
        ProbeOutcome outcome = attempt(call, calls, timeout);
        for (int i = 1;
                i < ATTEMPTS
                        && outcome instanceof ProbeOutcome.Failure
                        && !calls.cancelled()
                        && !Thread.currentThread().isInterrupted();
                i++) {
            outcome = attempt(call, calls, timeout);
        }
        return outcome;
    }

    private static ProbeOutcome attempt(Runnable call, ProbeCalls calls, Duration timeout) {
        long started = System.nanoTime();
        try {
            call.run();
            return new ProbeOutcome.Success(Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            return classify(e, calls.cancelled(), timeout);
        }
    }

    /** What a probe's exception says about the region. */
    static ProbeOutcome classify(Throwable e, boolean cancelled, Duration timeout) {
        if (cancelled) {
            return ProbeOutcome.timedOut(timeout); // the failure is the cancellation at the deadline
        }
        if (e instanceof ProbeInconclusive p) {
            return new ProbeOutcome.Inconclusive(ErrorCategory.UNEXPECTED, p.reason(), p.getMessage());
        }
        if (e instanceof IbmApiException ibm) {
            if (IamTokenService.REGION.equals(ibm.region())) {
                // IAM is global: its trouble is no region's, and blaming the probed one could fail over for nothing
                return new ProbeOutcome.Inconclusive(
                        ibm.category(),
                        ibm.category().isCredentials()
                                ? ProbeOutcome.Inconclusive.IAM_KEY_REJECTED
                                : ProbeOutcome.Inconclusive.IAM_UNAVAILABLE,
                        ibm.summary());
            }
            return ProbeOutcome.ofError(ibm.category(), ibm.summary());
        }
        LOG.warn("probe failed with an unexpected error; the region is Unknown, not failed", e);
        return new ProbeOutcome.Inconclusive(
                ErrorCategory.UNEXPECTED,
                ProbeOutcome.Inconclusive.PROBE_ERROR,
                e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
