package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/** One source entity on its way to one target in one pass. */
final class Work {
    final String key;
    final ObjectNode sourceItem;
    /** Null when the target lacks the entity. */
    final ObjectNode targetItem;

    final Watermark previous;
    final String sourceMarker;
    final String targetMarker;

    CompletableFuture<ObjectNode> sourceEntity;
    CompletableFuture<ObjectNode> targetEntity;
    /** The target's full entity once read; what an update or replace starts from. */
    ObjectNode current;

    Action action;
    Desired desired;
    CompletableFuture<ObjectNode> write;
    /** Set by a replace once its delete went through, so a failed create is known to leave a gap. */
    volatile boolean targetDeleted;

    Work(
            String key,
            ObjectNode sourceItem,
            ObjectNode targetItem,
            Watermark previous,
            String sourceMarker,
            String targetMarker) {
        this.key = key;
        this.sourceItem = sourceItem;
        this.targetItem = targetItem;
        this.previous = previous;
        this.sourceMarker = sourceMarker;
        this.targetMarker = targetMarker;
    }
}
