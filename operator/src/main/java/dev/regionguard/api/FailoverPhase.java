package dev.regionguard.api;

/** Where a RegionFailover stands. Succeeded, Failed, Rejected and Aborted are final. */
public enum FailoverPhase {
    /** Not picked up yet. */
    Pending,
    /** Checks passed; taking the protection's failover lock. */
    Validating,
    /** Relocate only: one sync pass from the active region to the target. */
    FinalSync,
    /** Best effort on the old active region; skipped when it does not answer. */
    Fencing,
    /** Switching the protection's active region and epoch: the commit point. */
    Promoting,
    /** Publishing the new active endpoint (and, for Code Engine, restoring scaling and domain mappings). */
    Redirecting,
    /** Checking that the new active region answers. */
    Verifying,
    /** Before the commit, after a failure or an abort: undoing every recorded fence of the old region. */
    Unfencing,
    Succeeded,
    Failed,
    /** Validation refused the request; nothing was changed. */
    Rejected,
    /** Deleted before the commit; every fence it took was undone and the old region stays active. */
    Aborted;

    public boolean isFinal() {
        return this == Succeeded || this == Failed || this == Rejected || this == Aborted;
    }
}
