package dev.regionguard.api;

/** What a RegionFailover does. */
public enum FailoverType {
    /** Make a standby the active region; the old active region is fenced and need not answer. */
    Failover,
    /** Planned move (failback) to the original primary or a fenced region: both healthy, final sync first. */
    Relocate,
    /** Write into status what a Failover with this spec would do; change nothing. */
    Plan,
    /**
     * Exercise the target as a Failover would (its validation, then a proof through the standby with
     * spec.verification's checks, each step timed) and record it in the failover history; change nothing.
     */
    Drill
}
