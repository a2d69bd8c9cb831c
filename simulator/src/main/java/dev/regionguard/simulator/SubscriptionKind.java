package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /subscriptions}: a topic to a destination; topic_id and destination_id are fixed. */
final class SubscriptionKind extends EntityKind {

    SubscriptionKind() {
        super("subscriptions", "PATCH");
    }

    @Override
    EntityTable table(EnInstance instance) {
        return instance.subscriptions;
    }

    @Override
    ObjectNode create(EnInstance instance, String parentId, RequestBody request) {
        ObjectNode fields = request.fields();
        String name = requireNewName(instance.subscriptions, fields, null);
        ObjectNode destination = existing(instance.destinations, Json.requiredText(fields, "destination_id"));
        ObjectNode topic = existing(instance.topics, Json.requiredText(fields, "topic_id"));
        ObjectNode attributes =
                SubscriptionAttributes.forCreate(instance, destination, Json.objectField(fields, "attributes"));
        ObjectNode stored = newEntity(instance, EnInstance.newId());
        stored.put("name", name);
        stored.put("description", description(fields));
        stored.set("destination_id", destination.get("id"));
        stored.set("topic_id", topic.get("id"));
        stored.set("attributes", attributes);
        instance.subscriptions.put(stored);
        return stored;
    }

    private static ObjectNode existing(EntityTable table, String id) {
        ObjectNode stored = table.get(id);
        if (stored == null) {
            throw ApiException.badRequest(
                    "The " + table.label() + " with id '" + id + "' does not exist in this instance");
        }
        return stored;
    }

    /** The create answer is the full subscription, as GET shows it. */
    @Override
    ObjectNode createResponse(EnInstance instance, ObjectNode stored) {
        return view(instance, stored);
    }

    @Override
    ObjectNode view(EnInstance instance, ObjectNode stored) {
        ObjectNode view = Json.pick(stored, "id", "name", "description", "updated_at");
        ObjectNode destination = destination(instance, stored);
        if (SubscriptionAttributes.hasRecipients(DestinationKind.type(destination))) {
            view.put("from", "notifications@" + instance.region() + ".event-notifications.cloud.ibm.com");
        }
        addReferences(instance, stored, destination, view);
        view.set("attributes", stored.get("attributes").deepCopy());
        return view;
    }

    @Override
    ObjectNode listItem(EnInstance instance, ObjectNode stored) {
        ObjectNode item = Json.pick(stored, "id", "name", "description", "updated_at");
        addReferences(instance, stored, destination(instance, stored), item);
        return item;
    }

    private static ObjectNode destination(EnInstance instance, ObjectNode stored) {
        return instance.destinations.get(stored.get("destination_id").textValue());
    }

    private static void addReferences(EnInstance instance, ObjectNode stored, ObjectNode destination, ObjectNode view) {
        ObjectNode topic = instance.topics.get(stored.get("topic_id").textValue());
        view.set("destination_type", destination.get("type"));
        view.set("destination_id", stored.get("destination_id"));
        view.set("destination_name", destination.get("name"));
        view.set("topic_id", stored.get("topic_id"));
        view.set("topic_name", topic.get("name"));
    }

    @Override
    void update(EnInstance instance, ObjectNode stored, RequestBody request) {
        ObjectNode fields = request.fields();
        for (String immutable : new String[] {"topic_id", "destination_id"}) {
            if (fields.has(immutable)) {
                throw ApiException.badRequest("The " + immutable
                        + " of a subscription cannot be changed; delete and re-create the subscription");
            }
        }
        patchNameAndDescription(instance.subscriptions, stored, fields);
        ObjectNode attributes = Json.objectField(fields, "attributes");
        if (attributes != null) {
            SubscriptionAttributes.applyUpdate(
                    instance, destination(instance, stored), (ObjectNode) stored.get("attributes"), attributes);
        }
        touch(instance, stored);
    }
}
