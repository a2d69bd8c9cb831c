package dev.regionguard.sync;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * Brings targets in line with a source, one pass per call.
 *
 * <p>A pass lists every type on every store at once; matches entities by key; per type in restore
 * order skips what both sides' change markers and the material digest show unchanged since the
 * last match, reads and compares the rest, and creates, updates or replaces; then, in reverse
 * order, deletes on targets what the source lacks, only after a complete read of the source and
 * within the prune guard and the per-pass cap. One entity's failure never stops the others.
 *
 * <p>The calling thread decides; single store calls run on the executor, at most
 * {@code parallelism} at a time per store. Calls never wait for each other, so a small bounded
 * pool is enough and cannot deadlock.
 */
public final class SyncEngine {
    private final ExecutorService executor;
    private final int parallelism;

    public SyncEngine(ExecutorService executor, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.parallelism = parallelism;
    }

    public SyncOutcome sync(SyncRequest request) {
        return new SyncPass(request, executor, parallelism).run();
    }
}
