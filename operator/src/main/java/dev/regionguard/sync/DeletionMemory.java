package dev.regionguard.sync;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the last complete lists of the source showed, for confirming a deletion: the source id each
 * key had (to read it directly), and the keys a target has that the previous complete list lacked
 * too. One per target; in memory only (after a restart a deletion waits for two complete lists).
 */
final class DeletionMemory {
    private final ConcurrentHashMap<String, Map<String, String>> sourceIds = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> absent = new ConcurrentHashMap<>();

    /** The source id of this key in the last complete list that had it, or null. */
    String lastSourceId(String typeName, String key) {
        return sourceIds.getOrDefault(typeName, Map.of()).get(key);
    }

    /** The previous complete list lacked this key while the target had it. */
    boolean absentBefore(String typeName, String key) {
        return absent.getOrDefault(typeName, Set.of()).contains(key);
    }

    /** After a complete list of the type: ids of what it shows, absences of what the target has. */
    void remember(String typeName, Indexed source, Indexed target) {
        Map<String, String> ids = new HashMap<>();
        sourceIds.getOrDefault(typeName, Map.of()).forEach((key, id) -> {
            if (target.byKey().containsKey(key)) {
                ids.put(key, id); // still needed to confirm the target entity's deletion
            }
        });
        source.keyById().forEach((id, key) -> ids.put(key, id));
        sourceIds.put(typeName, Map.copyOf(ids));
        Set<String> missing = new HashSet<>(target.byKey().keySet());
        missing.removeAll(source.byKey().keySet());
        absent.put(typeName, Set.copyOf(missing));
    }

    /** The type was not listed completely: absences must be seen again in two consecutive lists. */
    void forgetAbsences(String typeName) {
        absent.remove(typeName);
    }
}
