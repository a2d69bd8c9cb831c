package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The lists of every type of one store, started together and then awaited. */
final class Listing {
    private final Map<EntityType, CompletableFuture<List<ObjectNode>>> pending = new LinkedHashMap<>();
    private final Map<String, Indexed> indexed = new LinkedHashMap<>();
    private final Map<String, Failure> failures = new LinkedHashMap<>();

    static Listing start(EntityStore store, List<EntityType> types, Lane lane) {
        Listing listing = new Listing();
        for (EntityType type : types) {
            listing.pending.put(type, lane.submit(() -> store.list(type)));
        }
        return listing;
    }

    /** Waits for every list; afterwards each type is either indexed or failed. */
    Listing await() {
        pending.forEach((type, future) -> {
            try {
                indexed.put(type.name(), Indexed.of(type, future.join()));
            } catch (RuntimeException e) {
                failures.put(type.name(), Failure.of(e));
            }
        });
        pending.clear();
        return this;
    }

    /** Null when the type was not listed or its list failed. */
    Indexed indexed(EntityType type) {
        return indexed(type.name());
    }

    Indexed indexed(String typeName) {
        return indexed.get(typeName);
    }

    /** Entities that are not built in, by type name, for the types that were listed. */
    Map<String, Integer> nonBuiltInCounts(List<EntityType> types) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (EntityType type : types) {
            Indexed listed = indexed(type);
            if (listed != null) {
                counts.put(type.name(), listed.nonBuiltInCount(type));
            }
        }
        return counts;
    }

    int nonBuiltInCount(List<EntityType> types) {
        return nonBuiltInCounts(types).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    /** Failed types in type order. */
    Map<String, Failure> failures() {
        return failures;
    }

    /** The failure to report for the whole store: one that stops everything, else the first. */
    Failure headlineFailure() {
        return failures.values().stream()
                .filter(Failure::stopsEverything)
                .findFirst()
                .orElse(failures.values().stream().findFirst().orElse(null));
    }
}
