package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored entities of one collection in creation order (which lists keep). Not thread-safe on its
 * own: every access holds the owning {@link EnInstance}'s lock.
 */
final class EntityTable {

    private final String label;
    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();

    EntityTable(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    void put(ObjectNode stored) {
        byId.put(stored.get("id").textValue(), stored);
    }

    ObjectNode get(String id) {
        return byId.get(id);
    }

    ObjectNode require(String id) {
        ObjectNode stored = byId.get(id);
        if (stored == null) {
            throw ApiException.notFound("The " + label + " with id '" + id + "' does not exist");
        }
        return stored;
    }

    void remove(String id) {
        byId.remove(id);
    }

    List<ObjectNode> all() {
        return new ArrayList<>(byId.values());
    }

    Optional<ObjectNode> findByName(String name) {
        return byId.values().stream()
                .filter(e -> name.equals(e.path("name").textValue()))
                .findFirst();
    }

    /** 409 when another entity of this collection already has the name. */
    void requireUniqueName(String name, String exceptId) {
        findByName(name)
                .filter(other -> !other.get("id").textValue().equals(exceptId))
                .ifPresent(other -> {
                    throw ApiException.conflict("A " + label + " with the name '" + name + "' already exists");
                });
    }
}
