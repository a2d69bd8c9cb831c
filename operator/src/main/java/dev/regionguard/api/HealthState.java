package dev.regionguard.api;

/** What the probes say about a region. */
public enum HealthState {
    /** Answered successThreshold probes in a row. */
    Healthy,
    /** Failed failureThreshold probes in a row (5xx or no answer). */
    Unhealthy,
    /** Not known: no verdict yet, or the region answered but could not be judged (credentials, throttling). Never triggers a failover. */
    Unknown
}
