package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One immutable revision of an app. Whether its image pulls is decided when it is made; it is
 * {@code loading} until {@code settlesAt}, then {@code ready} or {@code failed}.
 */
record AppRevision(String name, String id, String createdAt, ObjectNode spec, Instant settlesAt, boolean fails) {

    static final String READY = "ready";
    static final String LOADING = "loading";
    static final String FAILED = "failed";
    static final String FAILED_REASON = "image_pull_back_off";

    String status(Instant now) {
        if (now.isBefore(settlesAt)) {
            return LOADING;
        }
        return fails ? FAILED : READY;
    }

    boolean readyAt(Instant now) {
        return READY.equals(status(now));
    }

    String reason(Instant now) {
        return switch (status(now)) {
            case LOADING -> "deploying";
            case FAILED -> FAILED_REASON;
            default -> "ready";
        };
    }
}
