package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /integrations}: the default KMS integration exists from the start and can only be PUT;
 * POST adds the one {@code collect_failed_events} (COS) integration. There is no DELETE.
 */
final class IntegrationKind extends EntityKind {

    static final String KMS = "kms";
    static final String HS_CRYPTO = "hs-crypto";
    static final String COLLECT_FAILED_EVENTS = "collect_failed_events";
    private static final Set<String> KEY_TYPES = Set.of(KMS, HS_CRYPTO);

    IntegrationKind() {
        super("integrations", "PUT");
    }

    @Override
    EntityTable table(EnInstance instance) {
        return instance.integrations;
    }

    @Override
    boolean deletable() {
        return false;
    }

    @Override
    boolean matchesSearch(ObjectNode stored, String search) {
        return stored.path("type").asText().contains(search.toLowerCase(Locale.ROOT));
    }

    @Override
    ObjectNode create(EnInstance instance, String parentId, RequestBody request) {
        ObjectNode fields = request.fields();
        String type = Json.requiredText(fields, "type");
        if (!COLLECT_FAILED_EVENTS.equals(type)) {
            throw ApiException.badRequest("Only integrations of type collect_failed_events can be created");
        }
        if (instance.hasIntegrationOfType(COLLECT_FAILED_EVENTS)) {
            throw ApiException.conflict("This instance already has a collect_failed_events integration");
        }
        ObjectNode stored = newEntity(instance, EnInstance.newId());
        stored.put("type", type);
        stored.set("metadata", metadata(fields, type));
        instance.integrations.put(stored);
        return stored;
    }

    @Override
    ObjectNode createResponse(EnInstance instance, ObjectNode stored) {
        return Json.pick(stored, "id", "type", "metadata", "created_at");
    }

    @Override
    ObjectNode view(EnInstance instance, ObjectNode stored) {
        return Json.pick(stored, "id", "type", "metadata", "created_at", "updated_at");
    }

    @Override
    ObjectNode snapshot(EnInstance instance, ObjectNode stored) {
        return view(instance, stored);
    }

    /** A key integration may switch between kms and hs-crypto; the COS one stays what it is. */
    @Override
    void update(EnInstance instance, ObjectNode stored, RequestBody request) {
        ObjectNode fields = request.fields();
        String type = Json.requiredText(fields, "type");
        String current = stored.get("type").textValue();
        boolean allowed = KEY_TYPES.contains(current) ? KEY_TYPES.contains(type) : current.equals(type);
        if (!allowed) {
            throw ApiException.badRequest("An integration of type " + current + " cannot become " + type);
        }
        stored.put("type", type);
        stored.set("metadata", metadata(fields, type));
        touch(instance, stored);
    }

    private static ObjectNode metadata(ObjectNode fields, String type) {
        ObjectNode metadata = Json.objectField(fields, "metadata");
        if (metadata == null) {
            throw ApiException.badRequest("Field 'metadata' is required");
        }
        List<String> required =
                KEY_TYPES.contains(type) ? List.of("endpoint", "crn") : List.of("endpoint", "crn", "bucket_name");
        required.forEach(field -> Json.requiredText(metadata, field));
        return Json.pick(metadata, "endpoint", "crn", "root_key_id", "bucket_name");
    }
}
