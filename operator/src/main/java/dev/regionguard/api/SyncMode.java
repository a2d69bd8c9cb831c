package dev.regionguard.api;

/** How far a sync may go on a standby. */
public enum SyncMode {
    /** Create, update and delete, so the standby mirrors the primary (deletions guarded and capped). */
    Mirror,
    /** Create and update; never delete. */
    UpsertOnly,
    /** Write nothing; report the drift. */
    ObserveOnly
}
