package dev.regionguard.health;

import dev.regionguard.api.HealthState;
import dev.regionguard.api.RegionRole;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.api.Timestamps;
import dev.regionguard.spec.HealthCheckSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the probes of one region of one protection have shown so far. Immutable: {@link #next}
 * returns the state after one more probe.
 *
 * <pre>
 * from \ probe    success                          failure (5xx, no answer, too slow)   inconclusive (401/403/429...)
 * Unknown         Healthy at successThreshold      Unhealthy at failureThreshold        Unknown
 * Healthy         Healthy                          Unhealthy at failureThreshold        Unknown
 * Unhealthy       Healthy at successThreshold      Unhealthy                            Unknown
 * </pre>
 * Counts are of consecutive probes: a success resets the failures and a failure the successes; an
 * inconclusive probe resets both, because the region answered and so broke any run of failures.
 */
public record RegionHealth(
        HealthState state,
        Instant since,
        int consecutiveFailures,
        int consecutiveSuccesses,
        String lastError,
        Duration lastLatency) {
    static final int MAX_ERROR_LENGTH = 256; // status stays small; the full error goes to the log

    public RegionHealth {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }

    /** A region nothing is known about yet. */
    public static RegionHealth unknown(Instant now) {
        return new RegionHealth(HealthState.Unknown, now, 0, 0, null, null);
    }

    /**
     * The state a restarted operator reads back from status. The counters start at zero, so a
     * restored Unhealthy region needs fresh failed probes before it can trigger a failover.
     */
    public static RegionHealth restore(RegionStatus status, Instant now) {
        if (status == null || status.state == null) {
            return unknown(now);
        }
        Instant since = status.since == null ? now : Timestamps.parse(status.since);
        Duration latency = status.probeLatencyMs == null ? null : Duration.ofMillis(status.probeLatencyMs);
        return new RegionHealth(status.state, since, 0, 0, status.lastError, latency);
    }

    public RegionHealth next(ProbeOutcome outcome, HealthCheckSettings settings, Instant now) {
        if (outcome instanceof ProbeOutcome.Success s) {
            if (s.latency().compareTo(settings.timeout()) > 0) { // an answer after the timeout is no answer
                return failed(
                        "answered after " + s.latency().toMillis() + "ms, timeout "
                                + settings.timeout().toMillis() + "ms",
                        settings,
                        now);
            }
            return succeeded(s.latency(), settings, now);
        }
        if (outcome instanceof ProbeOutcome.Failure f) {
            return failed(describe(f.category().name(), f.message()), settings, now);
        }
        ProbeOutcome.Inconclusive i = (ProbeOutcome.Inconclusive) outcome;
        return new RegionHealth(
                HealthState.Unknown,
                state == HealthState.Unknown ? since : now,
                0,
                0,
                describe(i.reason(), i.message()),
                lastLatency);
    }

    /** True when the state differs from the previous one: the only time status is written. */
    public boolean transitioned(RegionHealth previous) {
        return previous == null || previous.state != state;
    }

    public boolean isUnhealthy() {
        return state == HealthState.Unhealthy;
    }

    public boolean isHealthy() {
        return state == HealthState.Healthy;
    }

    /** This state as a status entry. */
    public RegionStatus toStatus(String region, RegionRole role) {
        RegionStatus status = new RegionStatus(region, role, state, Timestamps.format(since));
        status.consecutiveFailures = consecutiveFailures;
        status.lastError = lastError;
        status.probeLatencyMs = lastLatency == null ? null : lastLatency.toMillis();
        return status;
    }

    private RegionHealth succeeded(Duration latency, HealthCheckSettings settings, Instant now) {
        int successes = consecutiveSuccesses + 1;
        if (state == HealthState.Healthy) {
            return new RegionHealth(state, since, 0, successes, null, latency);
        }
        if (successes >= settings.successThreshold()) {
            return new RegionHealth(HealthState.Healthy, now, 0, successes, null, latency);
        }
        return new RegionHealth(state, since, 0, successes, lastError, latency);
    }

    private RegionHealth failed(String error, HealthCheckSettings settings, Instant now) {
        int failures = consecutiveFailures + 1;
        if (state != HealthState.Unhealthy && failures >= settings.failureThreshold()) {
            return new RegionHealth(HealthState.Unhealthy, now, failures, 0, error, lastLatency);
        }
        return new RegionHealth(state, since, failures, 0, error, lastLatency);
    }

    private static String describe(String category, String message) {
        String text = message == null || message.isBlank() ? category : category + ": " + message;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 3) + "...";
    }
}
