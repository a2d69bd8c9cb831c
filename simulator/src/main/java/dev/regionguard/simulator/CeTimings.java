package dev.regionguard.simulator;

import java.time.Duration;

/**
 * Delays of Code Engine's asynchronous transitions. Changes apply to transitions that start
 * afterwards; a zero delay makes the transition complete at once.
 */
final class CeTimings {

    static final Duration DEFAULT_PROJECT_ACTIVATION = Duration.ofMillis(200);
    static final Duration DEFAULT_APP_READY = Duration.ofMillis(100);
    static final Duration DEFAULT_DELETE_COMPLETES = Duration.ofMillis(200);
    /** IBM's documented restore window for a soft-deleted project. */
    static final Duration DEFAULT_SOFT_DELETE_RETENTION = Duration.ofDays(7);

    private volatile Duration projectActivation = DEFAULT_PROJECT_ACTIVATION;
    private volatile Duration appReady = DEFAULT_APP_READY;
    private volatile Duration deleteCompletes = DEFAULT_DELETE_COMPLETES;
    private volatile Duration softDeleteRetention = DEFAULT_SOFT_DELETE_RETENTION;

    /** From POST /projects to status active. */
    Duration projectActivation() {
        return projectActivation;
    }

    /** From an app or function write to ready (or failed). */
    Duration appReady() {
        return appReady;
    }

    /** From a 202 DELETE to the resource being gone (404) or the project {@code soft_deleted}. */
    Duration deleteCompletes() {
        return deleteCompletes;
    }

    /** From {@code soft_deleted} to the project being permanently deleted (404). */
    Duration softDeleteRetention() {
        return softDeleteRetention;
    }

    void projectActivation(Duration delay) {
        projectActivation = nonNegative(delay, "project activation");
    }

    void appReady(Duration delay) {
        appReady = nonNegative(delay, "app ready");
    }

    void deleteCompletes(Duration delay) {
        deleteCompletes = nonNegative(delay, "delete");
    }

    void softDeleteRetention(Duration delay) {
        softDeleteRetention = nonNegative(delay, "soft delete retention");
    }

    private static Duration nonNegative(Duration delay, String what) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException(what + " delay must not be negative: " + delay);
        }
        return delay;
    }
}
