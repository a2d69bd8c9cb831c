package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Subscriptions, keyed by name. {@code topic_id}, {@code destination_id} and the template ids in
 * {@code attributes} are remapped; topic and destination cannot change (delete and re-create).
 * Recipients are compared in the create shape ({@link EnSubscriptionAttributes}). List items lack
 * {@code attributes}.
 */
final class EnSubscriptionType extends EnEntityType {
    private static final String ATTRIBUTES = "attributes";

    EnSubscriptionType() {
        super(
                EnEntityTypes.SUBSCRIPTION,
                EnKind.SUBSCRIPTION,
                Set.of(EnEntityTypes.TOPIC, EnEntityTypes.DESTINATION, EnEntityTypes.TEMPLATE),
                false);
    }

    @Override
    Set<String> droppedFields() {
        return Set.of("from", "destination_type", "destination_name", "topic_name");
    }

    @Override
    Set<String> immutableFields() {
        return Set.of("topic_id", "destination_id");
    }

    @Override
    void shape(ObjectNode projected) {
        if (projected.get(ATTRIBUTES) instanceof ObjectNode attributes) {
            EnSubscriptionAttributes.toCreateShape(attributes);
        }
    }

    @Override
    void remap(ObjectNode body, EnReferences references) {
        references.remap(body, "topic_id", EnEntityTypes.TOPIC);
        references.remap(body, "destination_id", EnEntityTypes.DESTINATION);
        if (body.get(ATTRIBUTES) instanceof ObjectNode attributes) {
            references.remap(attributes, "template_id_notification", EnEntityTypes.TEMPLATE);
            references.remap(attributes, "template_id_invitation", EnEntityTypes.TEMPLATE);
        }
    }

    @Override
    void sortUnordered(ObjectNode comparable) {
        if (comparable.get(ATTRIBUTES) instanceof ObjectNode attributes) {
            EnJson.sortArray(attributes, "channels");
        }
    }
}
