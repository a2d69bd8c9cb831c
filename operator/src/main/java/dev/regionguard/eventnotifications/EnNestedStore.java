package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A collection that lives under other entities (SMTP users under configurations, tag subscriptions
 * under push destinations), flattened into one list for the sync. Ids carry the parent's id,
 * because every call on such an entity needs both.
 */
interface EnNestedStore {

    /** Every entity under every parent, each marked with what its type's key needs of the parent. */
    List<ObjectNode> list();

    /** The entity with this id, or null when it or its parent is gone. */
    ObjectNode find(String id);

    ObjectNode create(ObjectNode body);

    ObjectNode update(ObjectNode current, ObjectNode body);

    void delete(ObjectNode current);
}
