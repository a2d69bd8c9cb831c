package dev.regionguard.spec;

/**
 * A pass cannot run until the owner changes something: a bad spec or missing credentials.
 * Reported as a condition and a Warning Event, not retried in a loop.
 */
public final class Blocked extends Exception {
    private final boolean credentials;
    private final String reason;

    private Blocked(boolean credentials, String reason, String message) {
        super(message, null, false, false);
        this.credentials = credentials;
        this.reason = reason;
    }

    public static Blocked credentials(String reason, String message) {
        return new Blocked(true, reason, message);
    }

    public static Blocked paused() {
        return new Blocked(
                false,
                "Paused",
                "paused by the annotation " + dev.regionguard.api.Protections.PAUSED
                        + ": no sync, no probe, no failover until it is removed");
    }

    public static Blocked spec(String message) {
        return new Blocked(false, "InvalidSpec", message);
    }

    /** True when the owner must fix credentials (a Secret or an API key), false for the spec. */
    public boolean credentials() {
        return credentials;
    }

    public String reason() {
        return reason;
    }
}
