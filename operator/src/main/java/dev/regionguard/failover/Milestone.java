package dev.regionguard.failover;

/** An Event to emit on the RegionFailover once the status that goes with it is written. */
public record Milestone(boolean warning, String reason, String message) {
    static Milestone normal(String reason, String message) {
        return new Milestone(false, reason, message);
    }

    static Milestone warning(String reason, String message) {
        return new Milestone(true, reason, message);
    }
}
