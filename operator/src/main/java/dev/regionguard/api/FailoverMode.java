package dev.regionguard.api;

/** Who may start a failover of a protection. */
public enum FailoverMode {
    /** Only people, by creating a RegionFailover. */
    Manual,
    /** Also the operator, when the active region stays Unhealthy and a ready standby exists. Never fails back. */
    Automatic
}
