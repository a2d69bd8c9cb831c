package dev.regionguard.api;

/** What a region is for a protection. Exactly one region is Primary: the active region. */
public enum RegionRole {
    /** The active region: the sync source that serves traffic. */
    Primary,
    /** Kept in sync from the active region; a failover target. */
    Standby,
    /** Taken out of service by a failover: not a sync source and not synced until a Relocate brings it back. */
    Fenced
}
