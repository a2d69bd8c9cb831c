package dev.regionguard.controller.failover;

import dev.regionguard.api.RegionFailover;
import java.time.Duration;

/** Test seam: called before each decision and after each status write of a RegionFailover. */
@FunctionalInterface
public interface FailoverHooks {
    FailoverHooks NONE = rfo -> {};

    /** May throw to stop the reconcile here, e.g. to stand for an operator that dies at this point. */
    void checkpoint(RegionFailover rfo);

    /**
     * How long to wait before the next attempt of a failed step, given the back-off the status records
     * (10 s doubling to 5 min). Production waits exactly that; a test may wait less, to run a bounded
     * number of attempts in seconds without changing what is decided or recorded.
     */
    default Duration retryDelay(Duration recorded) {
        return recorded;
    }
}
