package dev.regionguard.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which copy of a key a target keeps when it has several (a create whose answer was lost, then
 * made again): the one the target's own entities reference, else the first listed. The others
 * are removed in Mirror mode ({@link ExtraDeletions}).
 */
final class Duplicates {
    private Duplicates() {}

    static void chooseKeepers(TypeGraph graph, Listing listing) {
        for (EntityType type : graph.types()) {
            Indexed indexed = listing.indexed(type);
            if (indexed == null || indexed.duplicates().isEmpty()) {
                continue;
            }
            Set<String> referenced = referencedValues(graph, listing, type);
            for (Map.Entry<String, List<ObjectNode>> e :
                    Map.copyOf(indexed.duplicates()).entrySet()) {
                if (referenced.contains(type.id(indexed.byKey().get(e.getKey())))) {
                    continue;
                }
                e.getValue().stream()
                        .filter(d -> referenced.contains(type.id(d)))
                        .findFirst()
                        .ifPresent(d -> indexed.keep(type, e.getKey(), d));
            }
        }
    }

    /** Every text value in the listed entities of the types that reference this one. */
    private static Set<String> referencedValues(TypeGraph graph, Listing listing, EntityType type) {
        Set<String> values = new HashSet<>();
        for (String dependent : graph.dependents(type.name())) {
            Indexed listed = listing.indexed(dependent);
            if (listed != null) {
                listed.byKey().values().forEach(entity -> collect(entity, values));
                listed.duplicates().values().forEach(list -> list.forEach(entity -> collect(entity, values)));
            }
        }
        return values;
    }

    private static void collect(JsonNode node, Set<String> values) {
        if (node.isTextual()) {
            values.add(node.asText());
        } else {
            node.forEach(child -> collect(child, values));
        }
    }
}
