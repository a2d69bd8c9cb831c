package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.SyncContext;
import java.util.ArrayList;
import java.util.List;

/** Rewrites source ids into target ids during one translation and remembers what it could not. */
final class EnReferences {
    private final SyncContext context;
    private final List<String> unresolved = new ArrayList<>();

    EnReferences(SyncContext context) {
        this.context = context;
    }

    /** Replaces the id in {@code node.field} (an id of a {@code typeName}); absent or empty: nothing to do. */
    void remap(ObjectNode node, String field, String typeName) {
        String sourceId = EnJson.text(node, field);
        if (sourceId == null || sourceId.isEmpty()) {
            return;
        }
        context.targetId(typeName, sourceId)
                .ifPresentOrElse(id -> node.put(field, id), () -> unresolved.add(typeName + " " + sourceId));
    }

    /** "topic 1a2b…, template 3c4d…", or empty when everything resolved. */
    List<String> unresolved() {
        return unresolved;
    }
}
