package dev.regionguard.codeengine;

/** How a Code Engine standby waits for a failover. */
public enum StandbyMode {
    /** Apps scale exactly like the primary's: instances stay up and take traffic at once. */
    WARM,
    /**
     * Apps keep everything but {@code scale_min_instances}, which is 0: they cost nothing while
     * idle and start on the first request. The failover restores the primary's {@link CeScaling}.
     */
    COLD
}
