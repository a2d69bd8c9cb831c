package dev.regionguard.controller.protection;

import dev.regionguard.api.FenceRecord;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.failover.StepResult;
import dev.regionguard.spec.ProtectedSide;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

    /**
     * What fencing {@code region} changes, read first outside the region (it answers while the region
     * does not), then in it unless {@code contact} is false; empty when neither could be read.
     */
    Optional<FenceRecord> record(P protection, Sides all, String region, Duration probeTimeout, boolean contact) {
        Map<String, String> original = new TreeMap<>();
        try {
            if (actions.fencesOutside(protection)) {
                original.putAll(bounded(
                        () -> actions.outsideOriginals(protection, side(all, region), key(all, region)), probeTimeout));
            }
        } catch (StepFailure e) {
            LOG.warn("could not read what fencing {} outside it changes: {}", region, e.getMessage());
        }
        if (!contact) {
            return original.isEmpty() ? Optional.empty() : Optional.of(new FenceRecord(region, original));
        }
        try {
            original.putAll(bounded(
                    () -> actions.fenceOriginals(protection, side(all, region), key(all, region)), probeTimeout));
        } catch (StepFailure e) {
            LOG.warn("could not read what fencing {} changes: {}", region, e.getMessage());
            if (original.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new FenceRecord(region, original));
    }

    /**
     * Fences outside the region first (that works while the region does not answer), then in it unless
     * {@code contact} is false (an Unhealthy region: the failover does not wait for it).
     */
    StepResult fence(P protection, Sides all, String region, Duration probeTimeout, boolean contact) {
        String outside = "";
        try {
            if (actions.fencesOutside(protection)) {
                outside = prefix(bounded(
                        () -> actions.fenceOutside(protection, side(all, region), key(all, region)), probeTimeout));
            }
        } catch (StepFailure e) {
            outside = region + " could not be fenced outside it: " + e.getMessage() + "; ";
        }
        if (!contact) {
            return StepResult.skipped(outside + region + " is Unhealthy: not contacted");
        }
        try {
            String inside = bounded(() -> actions.fence(protection, side(all, region), key(all, region)), probeTimeout);
            return StepResult.succeeded(outside + inside);
        } catch (StepFailure e) {
            return StepResult.skipped(outside + region + " could not be fenced: " + e.getMessage());
        }
    }

    StepResult unfence(P protection, Sides all, FenceRecord fence, Duration probeTimeout) {
        String region = fence.region;
        try {
            String outside = !actions.fencesOutside(protection)
                    ? ""
                    : prefix(bounded(
                            () -> actions.unfenceOutside(
                                    protection, side(all, region), key(all, region), fence.original),
                            probeTimeout));
            String inside = bounded(
                    () -> actions.unfence(protection, side(all, region), key(all, region), fence.original),
                    probeTimeout);
            return StepResult.succeeded(outside + inside);
        } catch (StepFailure e) {
            return StepResult.failed("UnfenceFailed", region + " could not be unfenced: " + e.getMessage());
        }
    }

    private static String prefix(String done) {
        return done.isEmpty() ? "" : done + "; ";
    }

    private static ProtectedSide side(Sides all, String region) {
        return all.byRegion().get(region);
    }

    private static ApiKey key(Sides all, String region) {
        return all.keys().get(region);
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
