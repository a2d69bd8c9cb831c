package dev.regionguard.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults of one region: its Event Notifications and Code Engine API calls share them (and so share a
 * throttle budget and an error-rate sequence). Traffic to the region's Code Engine apps follows the
 * down mode and latency only. Every setting takes effect on the next call and may be changed from
 * any thread. IAM and the control API are never affected.
 */
public final class FaultControls {

    /** Longest time a BLACKHOLE call is held before its connection is closed. */
    static final Duration BLACKHOLE_HOLD = Duration.ofSeconds(30);

    private record ErrorRate(double fraction, Random random) {}

    private volatile DownMode downMode;
    /** Counted down when the region comes up, which releases every held BLACKHOLE call. */
    private CountDownLatch blackholeRelease = new CountDownLatch(0);

    private volatile Duration latency = Duration.ZERO;
    private volatile ErrorRate errorRate = new ErrorRate(0, new Random(0));
    private final AtomicInteger throttledCalls = new AtomicInteger();
    private volatile long retryAfterSeconds = 1;
    private final List<Fault> injected = new CopyOnWriteArrayList<>();
    /** API keys whose calls this region never answers: one vantage point's view of a partition. */
    private final Set<String> partitionedCallers = ConcurrentHashMap.newKeySet();

    FaultControls() {}

    public synchronized void down(DownMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (mode == DownMode.BLACKHOLE && blackholeRelease.getCount() == 0) {
            blackholeRelease = new CountDownLatch(1);
        }
        downMode = mode;
    }

    public synchronized void up() {
        downMode = null;
        blackholeRelease.countDown();
    }

    /** Added to every call of the region, app traffic included; zero turns it off. */
    public void latency(Duration perCall) {
        if (perCall.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + perCall);
        }
        latency = perCall;
    }

    /** That fraction of calls (0 to 1) answers 500; {@code seed} makes the sequence repeatable. */
    public void errorRate(double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("error rate must be within 0..1: " + fraction);
        }
        errorRate = new ErrorRate(fraction, new Random(seed));
    }

    /** The next {@code nextCalls} calls answer 429 with Retry-After (whole seconds, at least 1). */
    public void throttle(int nextCalls, Duration retryAfter) {
        if (nextCalls < 0) {
            throw new IllegalArgumentException("nextCalls must not be negative: " + nextCalls);
        }
        long millis = retryAfter.toMillis();
        retryAfterSeconds = Math.max(1, (millis + 999) / 1000);
        throttledCalls.set(nextCalls);
    }

    /**
     * Adds a fault that acts after a call was processed (a lost answer) or poisons a list answer; see
     * {@link Fault}. The first injected fault that fires on a call applies; spent faults drop out.
     */
    public void inject(Fault fault) {
        injected.add(Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Cuts the callers that authenticate with {@code apiKey} off from this region, as a network
     * partition between one vantage point and the region would: their calls get no answer (the
     * connection is reset) while every other caller is served. IAM stays reachable.
     */
    public void partition(String apiKey) {
        partitionedCallers.add(Objects.requireNonNull(apiKey, "apiKey"));
    }

    /** Ends the partition of {@code apiKey}'s callers. */
    public void heal(String apiKey) {
        partitionedCallers.remove(apiKey);
    }

    /** Removes every injected {@link Fault} (down mode, latency, errors and throttling stay). */
    public void clearInjected() {
        injected.clear();
    }

    /** Healthy again: up, no latency, no errors, no throttling, no injected faults. */
    public void clear() {
        clearInjected();
        partitionedCallers.clear();
        up();
        latency = Duration.ZERO;
        errorRate = new ErrorRate(0, new Random(0));
        throttledCalls.set(0);
    }

    /**
     * Applies the latency, then decides the fate of an API call by the caller with {@code apiKey} (null
     * when the call carries no valid token). Runs on the handler thread.
     */
    FaultOutcome beforeCall(String apiKey) {
        sleep(latency);
        if (apiKey != null && partitionedCallers.contains(apiKey)) {
            return FaultOutcome.CLOSE;
        }
        DownMode mode = downMode;
        if (mode != null) {
            return downOutcome(mode);
        }
        if (throttledCalls.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return FaultOutcome.throttled(retryAfterSeconds);
        }
        ErrorRate rate = errorRate;
        if (rate.fraction() > 0 && rate.random().nextDouble() < rate.fraction()) {
            return FaultOutcome.respond(500, "internal_server_error", "Internal server error");
        }
        return FaultOutcome.PROCEED;
    }

    /** The injected fault that fires on this processed call, or null. */
    FaultKind afterCall(String method, String path, boolean listReply) {
        for (Fault fault : injected) {
            if (fault.fires(method, path, listReply)) {
                if (fault.spent()) {
                    injected.remove(fault);
                }
                return fault.kind();
            }
        }
        return null;
    }

    /**
     * The same for a request to an app of the region: an outage reaches apps too, but throttling and
     * error rates model the control plane, and app probes must not use up their budget.
     */
    FaultOutcome beforeAppTraffic() {
        sleep(latency);
        DownMode mode = downMode;
        return mode == null ? FaultOutcome.PROCEED : downOutcome(mode);
    }

    private FaultOutcome downOutcome(DownMode mode) {
        return switch (mode) {
            case UNAVAILABLE ->
                FaultOutcome.respond(
                        503, "service_unavailable", "The service is temporarily unavailable, try again later");
            case CONNECTION_RESET -> FaultOutcome.CLOSE;
            case BLACKHOLE -> FaultOutcome.hold(currentRelease());
        };
    }

    private synchronized CountDownLatch currentRelease() {
        return blackholeRelease;
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
