package dev.regionguard.controller.protection;

import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.health.ProbeOutcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One probe on the probe pool. Its deadline starts when it starts running, not when it was queued:
 * a probe that waited its whole timeout for a thread never ran and ends as {@code ProbeBacklog}
 * (Unknown), because a full pool says nothing about the region. A probe past its deadline is a
 * failure (no answer in time) and its HTTP calls are cancelled.
 */
final class ProbeTask implements Runnable {
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;

    private final Function<ProbeCalls, ProbeOutcome> body;
    private final Duration timeout;
    private final long queuedAt = System.nanoTime();
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private final CompletableFuture<ProbeOutcome> result = new CompletableFuture<>();
    private volatile long startedAt;
    private volatile ProbeCalls calls;
    private volatile Future<?> future;

    private ProbeTask(Function<ProbeCalls, ProbeOutcome> body, Duration timeout) {
        this.body = body;
        this.timeout = timeout;
    }

    static ProbeTask submit(ExecutorService executor, Function<ProbeCalls, ProbeOutcome> body, Duration timeout) {
        ProbeTask task = new ProbeTask(body, timeout);
        try {
            task.future = executor.submit(task);
        } catch (RejectedExecutionException e) {
            task.state.set(ABANDONED);
            task.result.complete(backlog("the probe queue is full"));
        }
        return task;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        ProbeCalls mine = new ProbeCalls(start + timeout.toNanos());
        startedAt = start;
        calls = mine; // both visible before anyone can see RUNNING
        if (!state.compareAndSet(QUEUED, RUNNING)) {
            return; // given up while it waited for a thread
        }
        mine.open();
        try {
            result.complete(body.apply(mine));
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        } finally {
            mine.close();
        }
    }

    /** Waits for the outcome: at most the timeout in the queue, then at most the timeout running. */
    ProbeOutcome await() {
        try {
            while (true) {
                long now = System.nanoTime();
                boolean queued = state.get() == QUEUED;
                long left = (queued ? queuedAt : startedAt) + timeout.toNanos() - now;
                if (left <= 0) {
                    if (queued && state.compareAndSet(QUEUED, ABANDONED)) {
                        cancelFuture(false);
                        return backlog("no probe thread was free within " + timeout.toMillis() + "ms");
                    }
                    if (!queued) {
                        cancel();
                        return ProbeOutcome.timedOut(timeout);
                    }
                    continue; // it started just now: wait for its own deadline
                }
                try {
                    return result.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // loop: the deadline that applies may have changed from queued to running
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            return ProbeOutcome.timedOut(timeout);
        } catch (ExecutionException e) {
            return RegionProbes.classify(e.getCause(), false, timeout);
        }
    }

    private void cancel() {
        if (state.compareAndSet(QUEUED, ABANDONED)) {
            cancelFuture(false);
            return;
        }
        ProbeCalls running = calls;
        if (running != null) {
            running.cancel();
        }
        cancelFuture(true);
    }

    private void cancelFuture(boolean interrupt) {
        Future<?> f = future;
        if (f != null) {
            f.cancel(interrupt);
        }
    }

    static ProbeOutcome backlog(String message) {
        return new ProbeOutcome.Inconclusive(
                ErrorCategory.UNEXPECTED, ProbeOutcome.Inconclusive.PROBE_BACKLOG, message);
    }
}
