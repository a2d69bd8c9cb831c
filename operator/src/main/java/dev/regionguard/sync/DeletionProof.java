package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Evidence that the source lacks an entity a target has, beyond its absence from one list (a page
 * can shift or come back cut): the source entity, read directly by the id it had in the last
 * complete list, is gone (404) or carries another key now (renamed); or, when no id is known, the
 * key was absent from the previous complete list too. A source entity is read once for all targets.
 */
final class DeletionProof {
    /** What a check found; the pending-deletion reason when it is not {@link #PROVEN}. */
    enum Verdict {
        PROVEN(null),
        /** The direct read found the entity on the source: its list left it out. */
        STILL_ON_PRIMARY("StillOnPrimary"),
        /** Absent from one complete list, no id known to read: the next complete list decides. */
        AWAITING_SECOND_LIST("AwaitingConfirmation"),
        /** The direct read failed: the next pass tries again. */
        READ_FAILED("ConfirmationFailed"),
        /** Not checked in this pass: the per-pass cap bounds the reads too. */
        NOT_CHECKED("DeletionCapReached");

        final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }
    }

    /** A check under way: decided already, or waiting for its direct read. */
    record Check(EntityType type, String key, Verdict known, CompletableFuture<ObjectNode> read, boolean renamed) {
        /** Proven by the source itself (a direct read, or the rename its list shows), not by two lists. */
        boolean provenByRead() {
            return (read != null || renamed) && verdict() == Verdict.PROVEN;
        }

        Verdict verdict() {
            if (known != null) {
                return known;
            }
            Attempt<ObjectNode> found = Attempt.of(read);
            if (found.failed()) {
                return Verdict.READ_FAILED;
            }
            return found.value() != null && key.equals(type.key(found.value()))
                    ? Verdict.STILL_ON_PRIMARY
                    : Verdict.PROVEN;
        }
    }

    private final EntityStore source;
    private final Lane sourceLane;
    private final Listing listing;
    private final Map<String, CompletableFuture<ObjectNode>> reads = new HashMap<>();

    DeletionProof(EntityStore source, Lane sourceLane, Listing listing) {
        this.source = source;
        this.sourceLane = sourceLane;
        this.listing = listing;
    }

    /**
     * Starts the check of one target entity the source's list lacks.
     *
     * @param mayRead false when the pass's reads for this target are used up
     */
    Check start(EntityType type, String key, DeletionMemory memory, boolean mayRead) {
        String id = type.directReadProvesAbsence() ? memory.lastSourceId(type.name(), key) : null;
        if (id == null) {
            return decided(
                    type, key, memory.absentBefore(type.name(), key) ? Verdict.PROVEN : Verdict.AWAITING_SECOND_LIST);
        }
        String keyNow = listing.indexed(type).keyById().get(id);
        if (keyNow != null && !keyNow.equals(key)) {
            return new Check(type, key, Verdict.PROVEN, null, true); // renamed on the source, the list shows it
        }
        if (!mayRead) {
            return decided(type, key, Verdict.NOT_CHECKED);
        }
        CompletableFuture<ObjectNode> read =
                reads.computeIfAbsent(type.name() + '\u0000' + id, k -> sourceLane.submit(() -> source.find(type, id)));
        return new Check(type, key, null, read, false);
    }

    private static Check decided(EntityType type, String key, Verdict verdict) {
        return new Check(type, key, verdict, null, false);
    }
}
