package dev.regionguard.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The resources of one kind in one project, sorted by key (name, or id for bindings), which is
 * also the list order that token pagination walks. Guarded by the project's lock.
 */
final class CeCollection {

    private final TreeMap<String, CeResource> byKey = new TreeMap<>();

    /** Drops resources whose deletion has completed. */
    void purge(Instant now) {
        byKey.values().removeIf(resource -> resource.goneAt(now));
    }

    CeResource get(String key) {
        return byKey.get(key);
    }

    void put(CeResource resource) {
        byKey.put(resource.key(), resource);
    }

    /** Sorted by key, resources being deleted included. */
    List<CeResource> all() {
        return new ArrayList<>(byKey.values());
    }

    int size() {
        return byKey.size();
    }
}
