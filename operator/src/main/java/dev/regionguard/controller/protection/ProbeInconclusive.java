package dev.regionguard.controller.protection;

/**
 * A probe got an answer that says nothing about the region's health: the region is Unknown with
 * {@link #reason()} (e.g. ProjectNotActive), never Unhealthy, so it cannot trigger a failover.
 */
public final class ProbeInconclusive extends RuntimeException {
    private final String reason;

    public ProbeInconclusive(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** A CamelCase reason, shown before the message in the region's status. */
    public String reason() {
        return reason;
    }
}
