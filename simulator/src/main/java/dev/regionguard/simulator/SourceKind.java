package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code /sources}: POST makes API sources; platform and timer sources are built in. */
final class SourceKind extends EntityKind {

    static final String API = "api";

    SourceKind() {
        super("sources", "PATCH");
    }

    @Override
    EntityTable table(EnInstance instance) {
        return instance.sources;
    }

    static boolean isBuiltIn(ObjectNode stored) {
        return !API.equals(stored.path("type").textValue());
    }

    @Override
    ObjectNode create(EnInstance instance, String parentId, RequestBody request) {
        ObjectNode fields = request.fields();
        String name = requireNewName(instance.sources, fields, null);
        // API source ids are opaque and not UUIDs: clients must not assume a shape
        ObjectNode stored = newEntity(instance, EnInstance.newId() + ":api");
        stored.put("name", name);
        stored.put("description", description(fields));
        Boolean enabled = Json.bool(fields, "enabled");
        stored.put("enabled", enabled == null || enabled);
        Boolean store = Json.bool(fields, "store_notifications");
        stored.put("store_notifications", store != null && store);
        stored.put("type", API);
        instance.sources.put(stored);
        return stored;
    }

    @Override
    ObjectNode createResponse(EnInstance instance, ObjectNode stored) {
        return Json.pick(stored, "id", "name", "description", "enabled", "store_notifications", "created_at");
    }

    @Override
    ObjectNode view(EnInstance instance, ObjectNode stored) {
        ObjectNode view = listItem(instance, stored);
        List<ObjectNode> topics = instance.topicsUsingSource(stored.get("id").textValue());
        EnInstance.names(topics).forEach(view.putArray("topic_names")::add);
        return view;
    }

    @Override
    ObjectNode listItem(EnInstance instance, ObjectNode stored) {
        ObjectNode item =
                Json.pick(stored, "id", "name", "description", "enabled", "store_notifications", "type", "updated_at");
        item.put(
                "topic_count",
                instance.topicsUsingSource(stored.get("id").textValue()).size());
        return item;
    }

    @Override
    void update(EnInstance instance, ObjectNode stored, RequestBody request) {
        ObjectNode fields = request.fields();
        if (isBuiltIn(stored)) {
            refuseChange(stored, fields, "name");
            refuseChange(stored, fields, "description");
        }
        patchNameAndDescription(instance.sources, stored, fields);
        Boolean enabled = Json.bool(fields, "enabled");
        if (enabled != null) {
            stored.put("enabled", enabled);
        }
        Boolean store = Json.bool(fields, "store_notifications");
        if (store != null) {
            stored.put("store_notifications", store);
        }
        touch(instance, stored);
    }

    /** Built-in sources keep their name and description; only enabled/store_notifications change. */
    private static void refuseChange(ObjectNode stored, ObjectNode fields, String field) {
        if (fields.has(field) && !fields.get(field).equals(stored.get(field))) {
            throw ApiException.badRequest("The " + field + " of the built-in source '"
                    + stored.get("name").textValue() + "' cannot be changed");
        }
    }

    @Override
    void delete(EnInstance instance, ObjectNode stored) {
        if (isBuiltIn(stored)) {
            throw ApiException.badRequest(
                    "The built-in source '" + stored.get("name").textValue() + "' cannot be deleted");
        }
        refuseWhileUsed("source", instance.topicsUsingSource(stored.get("id").textValue()));
        super.delete(instance, stored);
    }
}
