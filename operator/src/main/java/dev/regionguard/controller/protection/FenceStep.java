package dev.regionguard.controller.protection;

import dev.regionguard.failover.StepResult;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Fences the old active side on the probe threads, bounded in time: a failover never waits on a dead region. */
final class FenceStep<P> {
    /** Calls a fence may need; each gets one probe timeout. */
    private static final int CALLS = 4;

    private final FailoverActions<P> actions;
    private final ExecutorService executor;

    FenceStep(FailoverActions<P> actions, ExecutorService executor) {
        this.actions = actions;
        this.executor = executor;
    }

    StepResult fence(P protection, Sides all, String region, Duration probeTimeout) {
        Future<String> fencing = executor.submit(() ->
                actions.fence(protection, all.byRegion().get(region), all.keys().get(region)));
        try {
            return StepResult.succeeded(fencing.get(probeTimeout.toMillis() * CALLS, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            fencing.cancel(true);
            return StepResult.skipped(region + " did not answer in time: not fenced");
        } catch (ExecutionException e) {
            return StepResult.skipped(
                    region + " could not be fenced: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StepResult.skipped("interrupted");
        }
    }
}
