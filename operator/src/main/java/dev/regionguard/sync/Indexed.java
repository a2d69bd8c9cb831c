package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One store's entities of one type by key (sorted, so passes run in a stable order), and keys by
 * id for remapping. A key seen twice keeps its first entity; the others are its duplicates.
 */
record Indexed(Map<String, ObjectNode> byKey, Map<String, String> keyById, Map<String, List<ObjectNode>> duplicates) {

    static Indexed of(EntityType type, List<ObjectNode> items) {
        Map<String, ObjectNode> byKey = new TreeMap<>();
        Map<String, String> keyById = new HashMap<>();
        Map<String, List<ObjectNode>> duplicates = new TreeMap<>();
        for (ObjectNode item : items) {
            String key = type.key(item);
            if (key == null) {
                continue;
            }
            if (byKey.putIfAbsent(key, item) != null) {
                duplicates.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
                continue;
            }
            String id = type.id(item);
            if (id != null) {
                keyById.put(id, key);
            }
        }
        return new Indexed(byKey, keyById, duplicates);
    }

    /** Keys seen more than once, sorted. */
    List<String> duplicateKeys() {
        return List.copyOf(duplicates.keySet());
    }

    /** Makes this duplicate the entity of its key, and the one kept so far a duplicate. */
    void keep(EntityType type, String key, ObjectNode duplicate) {
        ObjectNode kept = byKey.put(key, duplicate);
        List<ObjectNode> others = duplicates.get(key);
        others.remove(duplicate);
        others.add(0, kept);
        keyById.remove(type.id(kept));
        keyById.put(type.id(duplicate), key);
    }

    int nonBuiltInCount(EntityType type) {
        return (int) byKey.values().stream().filter(e -> !type.builtIn(e)).count();
    }
}
