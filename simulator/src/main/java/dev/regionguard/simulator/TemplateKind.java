package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** {@code /templates}: PUT replaces; {@code params} (Base64 body, subject) is never read back. */
final class TemplateKind extends EntityKind {

    static final Set<String> TYPES = Set.of(
            "smtp_custom.notification",
            "smtp_custom.invitation",
            "slack.notification",
            "webhook.notification",
            "pagerduty.notification",
            "event_streams.notification",
            "ibmcejob.notification",
            "ibmceapp.notification",
            "app_configuration.notification");

    TemplateKind() {
        super("templates", "PUT");
    }

    @Override
    EntityTable table(EnInstance instance) {
        return instance.templates;
    }

    static boolean isEmail(String type) {
        return type.startsWith("smtp_custom.");
    }

    @Override
    ObjectNode create(EnInstance instance, String parentId, RequestBody request) {
        ObjectNode stored = newEntity(instance, EnInstance.newId());
        write(instance, stored, request.fields());
        instance.templates.put(stored);
        return stored;
    }

    @Override
    ObjectNode createResponse(EnInstance instance, ObjectNode stored) {
        return Json.pick(stored, "id", "name", "description", "type", "params", "created_at");
    }

    @Override
    ObjectNode view(EnInstance instance, ObjectNode stored) {
        ObjectNode view = Json.pick(stored, "id", "name", "description", "type");
        List<ObjectNode> subscriptions =
                instance.subscriptionsUsingTemplate(stored.get("id").textValue());
        view.put("subscription_count", subscriptions.size());
        EnInstance.names(subscriptions).forEach(view.putArray("subscription_names")::add);
        view.set("updated_at", stored.get("updated_at"));
        return view;
    }

    /** PUT is a replace: it needs everything a create needs. */
    @Override
    void update(EnInstance instance, ObjectNode stored, RequestBody request) {
        write(instance, stored, request.fields());
        touch(instance, stored);
    }

    @Override
    void delete(EnInstance instance, ObjectNode stored) {
        refuseWhileUsed(
                "template", instance.subscriptionsUsingTemplate(stored.get("id").textValue()));
        super.delete(instance, stored);
    }

    @Override
    ObjectNode snapshot(EnInstance instance, ObjectNode stored) {
        ObjectNode snapshot = super.snapshot(instance, stored);
        snapshot.set("params", stored.get("params").deepCopy());
        return snapshot;
    }

    private static void write(EnInstance instance, ObjectNode stored, ObjectNode fields) {
        String id = stored.get("id").textValue();
        String name = requireNewName(instance.templates, fields, id);
        String type = Json.requiredText(fields, "type");
        if (!TYPES.contains(type)) {
            throw ApiException.badRequest("Unknown template type '" + type + "'");
        }
        ObjectNode requested = Json.objectField(fields, "params");
        if (requested == null) {
            throw ApiException.badRequest("Field 'params' is required");
        }
        String body = Json.requiredText(requested, "body");
        try {
            Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("params.body must be Base64-encoded");
        }
        String subject = Json.text(requested, "subject");
        if (isEmail(type) && (subject == null || subject.isBlank())) {
            throw ApiException.badRequest("params.subject is required for email templates");
        }
        if (!isEmail(type) && subject != null) {
            throw ApiException.badRequest("params.subject is only for email templates");
        }
        stored.put("name", name);
        stored.put("description", description(fields));
        stored.put("type", type);
        ObjectNode params = stored.putObject("params");
        params.put("body", body);
        if (subject != null) {
            params.put("subject", subject);
        }
    }
}
