package dev.regionguard.api;

/** API group facts shared by the RegionGuard resources. */
public final class Protections {
    public static final String GROUP = "regionguard.dev";
    public static final String VERSION = "v1alpha1";
    /** Owner-set annotation: the primary entity count the owner confirms after a large shrink. */
    public static final String CONFIRM_PRIMARY_COUNT = "regionguard.dev/confirm-primary-count";

    /** Owner-set annotation: "true" stops every action on the protection (sync, probes, failover). */
    public static final String PAUSED = "regionguard.dev/paused";

    private Protections() {
    }
}
