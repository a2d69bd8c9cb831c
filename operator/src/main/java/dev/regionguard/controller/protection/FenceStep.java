package dev.regionguard.controller.protection;

import dev.regionguard.api.FenceRecord;
import dev.regionguard.failover.StepResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, takes and undoes the fence of the old active side on the probe threads, bounded in time: a
 * failover never waits on a dead region.
 */
final class FenceStep<P> {
    private static final Logger LOG = LoggerFactory.getLogger(FenceStep.class);
    /** Calls a fence may need; each gets one probe timeout. */
    private static final int CALLS = 4;

    private final FailoverActions<P> actions;
    private final ExecutorService executor;

    FenceStep(FailoverActions<P> actions, ExecutorService executor) {
        this.actions = actions;
        this.executor = executor;
    }

    Optional<FenceRecord> record(P protection, Sides all, String region, Duration probeTimeout) {
        try {
            Map<String, String> original = bounded(
                    () -> actions.fenceOriginals(
                            protection, all.byRegion().get(region), all.keys().get(region)),
                    probeTimeout);
            return Optional.of(new FenceRecord(region, original));
        } catch (StepFailure e) {
            LOG.warn("could not read what fencing {} changes: {}", region, e.getMessage());
            return Optional.empty();
        }
    }

    StepResult fence(P protection, Sides all, String region, Duration probeTimeout) {
        try {
            return StepResult.succeeded(bounded(
                    () -> actions.fence(
                            protection, all.byRegion().get(region), all.keys().get(region)),
                    probeTimeout));
        } catch (StepFailure e) {
            return StepResult.skipped(region + " could not be fenced: " + e.getMessage());
        }
    }

    StepResult unfence(P protection, Sides all, FenceRecord fence, Duration probeTimeout) {
        String region = fence.region;
        try {
            return StepResult.succeeded(bounded(
                    () -> actions.unfence(
                            protection, all.byRegion().get(region), all.keys().get(region), fence.original),
                    probeTimeout));
        } catch (StepFailure e) {
            return StepResult.failed("UnfenceFailed", region + " could not be unfenced: " + e.getMessage());
        }
    }

    private <T> T bounded(Callable<T> call, Duration probeTimeout) throws StepFailure {
        Future<T> running = executor.submit(call);
        try {
            return running.get(probeTimeout.toMillis() * CALLS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            throw new StepFailure("no answer in time");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new StepFailure(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure("interrupted");
        }
    }

    /** A fence call that failed or timed out. */
    private static final class StepFailure extends Exception {
        StepFailure(String message) {
            super(message, null, false, false);
        }
    }
}
