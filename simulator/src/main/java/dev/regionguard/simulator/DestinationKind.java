package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code /destinations}: multipart bodies, type fixed at creation, secrets and files write-only.
 * The built-in {@code smtp_ibm}/{@code sms_ibm} destinations can be neither created nor deleted.
 */
final class DestinationKind extends EntityKind {

    DestinationKind() {
        super("destinations", "PATCH");
    }

    @Override
    EntityTable table(EnInstance instance) {
        return instance.destinations;
    }

    @Override
    boolean multipart() {
        return true;
    }

    static String type(ObjectNode stored) {
        return stored.get("type").textValue();
    }

    static ObjectNode params(ObjectNode stored) {
        return (ObjectNode) stored.get("config").get("params");
    }

    @Override
    ObjectNode create(EnInstance instance, String parentId, RequestBody request) {
        ObjectNode fields = request.fields();
        String name = requireNewName(instance.destinations, fields, null);
        String type = Json.requiredText(fields, "type");
        if (DestinationParams.BUILT_IN_TYPES.contains(type)) {
            throw ApiException.badRequest("Destinations of type " + type + " are built in and cannot be created");
        }
        if (!DestinationParams.CREATABLE_TYPES.contains(type)) {
            throw ApiException.badRequest("Unknown destination type '" + type + "'");
        }
        ObjectNode stored = newEntity(instance, EnInstance.newId());
        stored.put("name", name);
        stored.put("description", description(fields));
        stored.put("type", type);
        stored.put("collect_failed_events", collectFailedEvents(instance, fields));
        ObjectNode params = requestedParams(fields, type);
        DestinationParams.addServerParams(type, params, instance.region());
        stored.putObject("config").set("params", params);
        storeFiles(stored, request.files());
        instance.destinations.put(stored);
        return stored;
    }

    @Override
    ObjectNode createResponse(EnInstance instance, ObjectNode stored) {
        ObjectNode response = Json.pick(stored, "id", "name", "description", "type", "collect_failed_events");
        response.putObject("config").set("params", DestinationParams.publicView(params(stored)));
        response.set("created_at", stored.get("created_at"));
        return response;
    }

    @Override
    ObjectNode view(EnInstance instance, ObjectNode stored) {
        ObjectNode view = Json.pick(stored, "id", "name", "description", "type", "collect_failed_events");
        view.putObject("config").set("params", DestinationParams.publicView(params(stored)));
        return withDerived(instance, stored, view);
    }

    @Override
    ObjectNode listItem(EnInstance instance, ObjectNode stored) {
        return withDerived(
                instance, stored, Json.pick(stored, "id", "name", "description", "type", "collect_failed_events"));
    }

    private static ObjectNode withDerived(EnInstance instance, ObjectNode stored, ObjectNode view) {
        view.set("updated_at", stored.get("updated_at"));
        List<ObjectNode> subscriptions =
                instance.subscriptionsWith("destination_id", stored.get("id").textValue());
        view.put("subscription_count", subscriptions.size());
        EnInstance.names(subscriptions).forEach(view.putArray("subscription_names")::add);
        return view;
    }

    @Override
    void update(EnInstance instance, ObjectNode stored, RequestBody request) {
        ObjectNode fields = request.fields();
        if (fields.has("type")) {
            throw ApiException.badRequest("The type of a destination cannot be changed");
        }
        patchNameAndDescription(instance.destinations, stored, fields);
        if (fields.has("collect_failed_events")) {
            stored.put("collect_failed_events", collectFailedEvents(instance, fields));
        }
        if (fields.has("config")) {
            // the config is replaced as a whole: secrets must be sent again with every config change
            ObjectNode params = requestedParams(fields, type(stored));
            DestinationParams.addServerParams(type(stored), params, instance.region());
            ((ObjectNode) stored.get("config")).set("params", params);
        }
        storeFiles(stored, request.files());
        touch(instance, stored);
    }

    @Override
    void delete(EnInstance instance, ObjectNode stored) {
        if (DestinationParams.BUILT_IN_TYPES.contains(type(stored))) {
            throw ApiException.badRequest(
                    "The built-in destination '" + stored.get("name").textValue() + "' cannot be deleted");
        }
        refuseWhileUsed(
                "destination",
                instance.subscriptionsWith("destination_id", stored.get("id").textValue()));
        super.delete(instance, stored);
        // its devices' registrations and tag subscriptions cannot outlive it
        instance.pushDevices.dropDestination(stored.get("id").textValue());
    }

    /** Everything, secrets and files included (files as Base64). */
    @Override
    ObjectNode snapshot(EnInstance instance, ObjectNode stored) {
        ObjectNode snapshot = view(instance, stored);
        ((ObjectNode) snapshot.get("config")).set("params", params(stored).deepCopy());
        snapshot.set("files", stored.has("files") ? stored.get("files").deepCopy() : Json.object());
        snapshot.set("created_at", stored.get("created_at"));
        return snapshot;
    }

    /** Failed events go to the COS bucket of a collect_failed_events integration, so one must exist. */
    private static boolean collectFailedEvents(EnInstance instance, ObjectNode fields) {
        Boolean collect = Json.bool(fields, "collect_failed_events");
        if (collect == null) {
            return false;
        }
        if (collect && !instance.hasIntegrationOfType(IntegrationKind.COLLECT_FAILED_EVENTS)) {
            throw ApiException.badRequest(
                    "collect_failed_events needs a collect_failed_events integration in this instance");
        }
        return collect;
    }

    private static ObjectNode requestedParams(ObjectNode fields, String type) {
        ObjectNode config = Json.objectField(fields, "config");
        ObjectNode params = config == null ? null : Json.objectField(config, "params");
        ObjectNode copy = params == null ? Json.object() : params.deepCopy();
        DestinationParams.validate(type, copy);
        return copy;
    }

    private static void storeFiles(ObjectNode stored, Map<String, UploadedFile> files) {
        if (files.isEmpty()) {
            return;
        }
        ObjectNode stash = stored.has("files") ? (ObjectNode) stored.get("files") : stored.putObject("files");
        files.forEach((part, file) -> {
            ObjectNode entry = stash.putObject(part);
            entry.put("file_name", file.fileName());
            entry.put("content_type", file.contentType());
            entry.put("content_base64", Base64.getEncoder().encodeToString(file.content()));
        });
    }
}
