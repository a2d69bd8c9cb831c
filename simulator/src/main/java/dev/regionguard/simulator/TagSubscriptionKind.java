package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /destinations/{id}/tag_subscriptions}, IBM's Go SDK {@code CreateTagsSubscription},
 * {@code ListTagsSubscription} and {@code DeleteTagsSubscription}: a registered device of a push
 * destination subscribed to a tag. There is no path for one subscription: DELETE names it by the
 * query {@code device_id} and {@code tag_name}. {@code user_id} is the device registration's, and is
 * absent when the registration has none (see {@link PushDevices}).
 */
final class TagSubscriptionKind extends EntityKind {

    /** Exact-match list filters of {@code ListTagsSubscriptionOptions}. */
    private static final List<String> FILTERS = List.of("device_id", "user_id", "tag_name");

    TagSubscriptionKind() {
        super("tag_subscriptions", "PATCH");
    }

    @Override
    EntityTable table(EnInstance instance) {
        return instance.tagSubscriptions;
    }

    @Override
    List<String> listFilters() {
        return FILTERS;
    }

    /** A null {@code parentId} (snapshots) gives every destination's subscriptions. */
    @Override
    List<ObjectNode> items(EnInstance instance, String parentId) {
        if (parentId == null) {
            return instance.tagSubscriptions.all();
        }
        PushDevices.requirePushDestination(instance, parentId);
        return instance.tagSubscriptions.all().stream()
                .filter(s -> parentId.equals(s.get("destination_id").textValue()))
                .toList();
    }

    /** IBM does not say what {@code search} matches: here tag name, device id or user id (unverified). */
    @Override
    boolean matchesSearch(ObjectNode stored, String search) {
        String needle = search.toLowerCase(Locale.ROOT);
        return FILTERS.stream()
                .anyMatch(field ->
                        stored.path(field).asText().toLowerCase(Locale.ROOT).contains(needle));
    }

    @Override
    ObjectNode create(EnInstance instance, String parentId, RequestBody request) {
        PushDevices.requirePushDestination(instance, parentId);
        String deviceId = Json.requiredText(request.fields(), "device_id");
        String tagName = Json.requiredText(request.fields(), "tag_name");
        if (!instance.pushDevices.registered(parentId, deviceId)) {
            throw ApiException.notFound(
                    "device '" + deviceId + "' is not registered with destination '" + parentId + "'");
        }
        if (find(instance, parentId, deviceId, tagName) != null) {
            throw ApiException.conflict("device '" + deviceId + "' is already subscribed to the tag '" + tagName + "'");
        }
        ObjectNode stored = newEntity(instance, EnInstance.newId());
        stored.put("destination_id", parentId);
        stored.put("device_id", deviceId);
        stored.put("tag_name", tagName);
        String userId = instance.pushDevices.userId(parentId, deviceId);
        if (userId != null) {
            stored.put("user_id", userId);
        }
        instance.tagSubscriptions.put(stored);
        return stored;
    }

    @Override
    ObjectNode createResponse(EnInstance instance, ObjectNode stored) {
        return Json.pick(stored, "id", "device_id", "tag_name", "user_id", "created_at");
    }

    @Override
    ObjectNode view(EnInstance instance, ObjectNode stored) {
        return Json.pick(stored, "id", "device_id", "tag_name", "user_id", "updated_at");
    }

    @Override
    ObjectNode snapshot(EnInstance instance, ObjectNode stored) {
        ObjectNode snapshot = view(instance, stored);
        snapshot.set("destination_id", stored.get("destination_id"));
        snapshot.set("created_at", stored.get("created_at"));
        return snapshot;
    }

    @Override
    void update(EnInstance instance, ObjectNode stored, RequestBody request) {
        // IBM's API has no update of a tag subscription, and no path routes one here
        throw ApiException.methodNotAllowed(updateMethod());
    }

    /** DELETE {@code ?device_id=&tag_name=}: 400 without both, 404 when no such subscription exists. */
    @Override
    ObjectNode findByQuery(EnInstance instance, String parentId, Map<String, String> query) {
        PushDevices.requirePushDestination(instance, parentId);
        String deviceId = requiredQuery(query, "device_id");
        String tagName = requiredQuery(query, "tag_name");
        ObjectNode stored = find(instance, parentId, deviceId, tagName);
        if (stored == null) {
            throw ApiException.notFound("device '" + deviceId + "' is not subscribed to the tag '" + tagName
                    + "' of destination '" + parentId + "'");
        }
        return stored;
    }

    private static ObjectNode find(EnInstance instance, String destinationId, String deviceId, String tagName) {
        return instance.tagSubscriptions.all().stream()
                .filter(s -> destinationId.equals(s.get("destination_id").textValue())
                        && deviceId.equals(s.get("device_id").textValue())
                        && tagName.equals(s.get("tag_name").textValue()))
                .findFirst()
                .orElse(null);
    }

    private static String requiredQuery(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Query parameter '" + name + "' is required");
        }
        return value;
    }
}
