package dev.regionguard.controller.protection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.EventListener;

/**
 * The HTTP calls of the probe that runs on the current thread, and its deadline. The probes' OkHttp
 * clients register every call here ({@link #LISTENER}), so that a probe past its deadline is ended
 * with {@link Call#cancel()}: OkHttp does not reliably stop a blocked read on a thread interrupt.
 */
public final class ProbeCalls {
    private static final ThreadLocal<ProbeCalls> CURRENT = new ThreadLocal<>();

    /** For the probes' OkHttp clients: a call made on a probe thread belongs to that probe. */
    public static final EventListener.Factory LISTENER = call -> {
        ProbeCalls probe = CURRENT.get();
        if (probe != null) {
            probe.add(call);
        }
        return EventListener.NONE;
    };

    private final long deadlineNanos;
    private final List<Call> calls = new ArrayList<>(); // guarded by this
    private boolean cancelled; // guarded by this

    ProbeCalls(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * The time the probe on this thread has left (at least 1 ms), or {@code otherwise} outside a
     * probe: for a call that sets its own timeout, such as an app's health path.
     */
    public static Duration remaining(Duration otherwise) {
        ProbeCalls probe = CURRENT.get();
        return probe == null
                ? otherwise
                : Duration.ofNanos(Math.max(1_000_000, probe.deadlineNanos - System.nanoTime()));
    }

    /** Makes this the probe of the current thread until {@link #close()}. */
    void open() {
        CURRENT.set(this);
    }

    void close() {
        CURRENT.remove();
    }

    synchronized void add(Call call) {
        if (cancelled) {
            call.cancel(); // a call started after the deadline fails at once
        } else {
            calls.add(call);
        }
    }

    /** Cancels every call of the probe, running or still to come. */
    synchronized void cancel() {
        cancelled = true;
        calls.forEach(Call::cancel);
    }

    synchronized boolean cancelled() {
        return cancelled;
    }
}
