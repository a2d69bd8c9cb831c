package dev.regionguard.api;

/** How a standby project runs its copies of the primary's apps until a failover. */
public enum CodeEngineStandbyMode {
    /** The primary's scaling: instances run and take traffic at once. */
    Warm,
    /** Deployed at scale_min_instances 0 (scale to zero when idle); the failover restores the primary's scaling. */
    Cold
}
