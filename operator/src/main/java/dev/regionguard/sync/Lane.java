package dev.regionguard.sync;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The calls of one store in one pass: at most {@code limit} run on the shared executor at a time,
 * the rest wait in a queue. Nobody blocks: a finishing call starts the next queued one, so a
 * bounded pool can never deadlock on its own tasks.
 */
final class Lane {
    private final Executor executor;
    private final int limit;
    private final Queue<Call<?>> queued = new ArrayDeque<>();
    private int running;

    Lane(Executor executor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + limit);
        }
        this.executor = executor;
        this.limit = limit;
    }

    /** For work that must not count against the limit (waits that hold no thread). */
    Executor executor() {
        return executor;
    }

    <T> CompletableFuture<T> submit(Supplier<T> work) {
        Call<T> call = new Call<>(work);
        boolean start;
        synchronized (this) {
            start = running < limit;
            if (start) {
                running++;
            } else {
                queued.add(call);
            }
        }
        if (start && !execute(call)) {
            release();
        }
        return call.result;
    }

    /** A slot became free: hand it to the next queued call, or give it back. */
    private void release() {
        while (true) {
            Call<?> next;
            synchronized (this) {
                next = queued.poll();
                if (next == null) {
                    running--;
                    return;
                }
            }
            if (execute(next)) {
                return;
            }
        }
    }

    private boolean execute(Call<?> call) {
        try {
            executor.execute(call);
            return true;
        } catch (RejectedExecutionException e) {
            call.result.completeExceptionally(e);
            return false;
        }
    }

    private final class Call<T> implements Runnable {
        private final Supplier<T> work;
        private final CompletableFuture<T> result = new CompletableFuture<>();

        private Call(Supplier<T> work) {
            this.work = work;
        }

        @Override
        public void run() {
            T value;
            try {
                value = work.get();
            } catch (Throwable t) {
                release();
                result.completeExceptionally(t);
                return;
            }
            release();
            result.complete(value);
        }
    }
}
