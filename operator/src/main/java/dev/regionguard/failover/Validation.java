package dev.regionguard.failover;

/** The answer of {@link FailoverValidation}. */
sealed interface Validation {

    /** The failover may run from the active region to toRegion; note says what was checked. */
    record Accepted(String fromRegion, String toRegion, String note) implements Validation {}

    /** Refused, with a CamelCase reason for the condition and a message for people. */
    record Refused(String reason, String message) implements Validation {}
}
