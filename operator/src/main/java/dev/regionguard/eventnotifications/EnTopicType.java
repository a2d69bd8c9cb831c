package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Topics, keyed by name. Each {@code sources[].id} is remapped to the target's source. List items
 * lack the rules and {@code updated_at}, so the change marker is a fingerprint of what they do
 * show: a change to a rule alone is found by the next full comparison, not by the marker. A topic
 * using a service source the standby lacks is held back as {@code ServiceSourceMissing}.
 */
final class EnTopicType extends EnEntityType {

    EnTopicType() {
        super(EnEntityTypes.TOPIC, EnKind.TOPIC, Set.of(EnEntityTypes.SOURCE), false);
    }

    @Override
    public String changeMarker(ObjectNode listItem) {
        if (!listItem.has("source_count")) {
            // Not a list item (a write response): no marker, the next pass reads again.
            return null;
        }
        ObjectNode shown = EnJson.NODES.objectNode();
        for (String field : List.of("name", "description", "source_count", "sources_names", "updated_at")) {
            if (listItem.has(field)) {
                shown.set(field, listItem.get(field).deepCopy());
            }
        }
        EnJson.sortArray(shown, "sources_names");
        return EnJson.fingerprint(shown);
    }

    @Override
    Set<String> droppedFields() {
        return Set.of("subscriptions");
    }

    @Override
    void shape(ObjectNode projected) {
        for (ObjectNode source : EnJson.objects(projected, "sources")) {
            source.remove("name");
            EnJson.objects(source, "rules").forEach(rule -> rule.remove(List.of("id", "updated_at")));
        }
    }

    @Override
    void remap(ObjectNode body, EnReferences references) {
        EnJson.objects(body, "sources").forEach(source -> references.remap(source, "id", EnEntityTypes.SOURCE));
    }

    /** A source another IBM service registered on the primary only never comes by itself: say so. */
    @Override
    String missingReferenceReason(List<String> unresolved) {
        String prefix = EnEntityTypes.SOURCE + " ";
        boolean serviceSource = unresolved.stream()
                .anyMatch(u -> u.startsWith(prefix) && EnSourceType.serviceSourceId(u.substring(prefix.length())));
        return serviceSource ? EnSourceType.SERVICE_SOURCE_MISSING : super.missingReferenceReason(unresolved);
    }

    @Override
    void sortUnordered(ObjectNode comparable) {
        EnJson.objects(comparable, "sources").forEach(source -> EnJson.sortArray(source, "rules"));
        EnJson.sortArray(comparable, "sources");
    }
}
