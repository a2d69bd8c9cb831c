package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One store's entities of one type by key (sorted, so passes run in a stable order), and keys by
 * id for remapping. A key seen twice keeps its first entity and is reported as a duplicate.
 */
record Indexed(Map<String, ObjectNode> byKey, Map<String, String> keyById, List<String> duplicateKeys) {

    static Indexed of(EntityType type, List<ObjectNode> items) {
        Map<String, ObjectNode> byKey = new TreeMap<>();
        Map<String, String> keyById = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (ObjectNode item : items) {
            String key = type.key(item);
            if (key == null) {
                continue;
            }
            if (byKey.putIfAbsent(key, item) != null) {
                duplicates.add(key);
                continue;
            }
            String id = type.id(item);
            if (id != null) {
                keyById.put(id, key);
            }
        }
        return new Indexed(byKey, keyById, duplicates);
    }

    int nonBuiltInCount(EntityType type) {
        return (int) byKey.values().stream().filter(e -> !type.builtIn(e)).count();
    }
}
