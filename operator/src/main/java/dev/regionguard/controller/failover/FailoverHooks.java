package dev.regionguard.controller.failover;

import dev.regionguard.api.RegionFailover;

/** Test seam: called before each decision and after each status write of a RegionFailover. */
@FunctionalInterface
public interface FailoverHooks {
    FailoverHooks NONE = rfo -> {};

    /** May throw to stop the reconcile here, e.g. to stand for an operator that dies at this point. */
    void checkpoint(RegionFailover rfo);
}
