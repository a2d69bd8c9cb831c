package dev.regionguard.failover;

import dev.regionguard.api.FailoverInProgress;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.RegionFailoverStatus;

/** The protection's status.failover while a RegionFailover runs: who holds the protection, mirrored on each phase change. */
public final class FailoverLock {
    private FailoverLock() {}

    /** The entry to hold for this RegionFailover in its recorded phase; null once it is final (release). */
    public static FailoverInProgress of(FailoverRequest request, RegionFailoverStatus status) {
        if (status == null || status.phase == null || status.phase.isFinal()) {
            return null;
        }
        return new FailoverInProgress(
                request.name(),
                status.plan == null ? request.type() : status.plan.type,
                status.phase == FailoverPhase.Pending ? FailoverPhase.Validating : status.phase,
                status.toRegion);
    }

    /** True when status.failover names this RegionFailover. */
    public static boolean heldBy(FailoverInProgress lock, String name) {
        return lock != null && name.equals(lock.name);
    }
}
