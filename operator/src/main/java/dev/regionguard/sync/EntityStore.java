package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One side of a sync (an EN instance, a CE project): the only place the engine does I/O.
 * Methods throw {@link dev.regionguard.cloud.IbmApiException} on failure.
 */
public interface EntityStore {

    /** For messages: "us-east/0c4f…". */
    String describe();

    /** Every entity of the type; all pages or an exception, never a partial list. */
    List<ObjectNode> list(EntityType type);

    /** The full entity behind a list item (only called when the list item is not complete). */
    ObjectNode read(EntityType type, ObjectNode listItem);

    /**
     * The entity with this id as the API answers it now, or null when the API answers that it does
     * not exist (404): the direct read that confirms a deletion the lists suggest.
     */
    ObjectNode find(EntityType type, String id);

    /** Returns the created entity as the API answered (carries the new id). */
    ObjectNode create(EntityType type, Desired desired);

    /** {@code current} is the target's full entity as read in this pass. */
    ObjectNode update(EntityType type, ObjectNode current, Desired desired);

    void delete(EntityType type, ObjectNode current);

    /** A pass begins: what the store kept from earlier passes (lists it reuses within one) no longer holds. */
    default void startPass() {}

    /**
     * Runs once the pass has written everything: follow-up checks on what the store holds now (such
     * as IBM's verification of a custom e-mail domain), returned as issues until they are settled.
     * Makes its own writes only when {@code writes}. The default has none.
     */
    default List<SyncOutcome.EntityIssue> followUp(boolean writes) {
        return List.of();
    }

    /**
     * After a create or update: follows what the write started until it settles (a Code Engine
     * app rolling out), holding no thread while it waits; its checks run on {@code executor}. The
     * engine calls it outside the target's lane, so waiting holds no write slot. Completes with
     * the entity as settled, or fails like a failed write. By default settled when written.
     */
    default CompletableFuture<ObjectNode> settle(EntityType type, ObjectNode written, Executor executor) {
        return CompletableFuture.completedFuture(written);
    }
}
