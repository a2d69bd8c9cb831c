package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.sync.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An in-memory Event Notifications instance that answers in IBM's shapes where the sync cares:
 * list items lack what the real lists lack, template params are never returned, sensitive header
 * values come back masked, subscription recipients come back as objects, and updates take
 * recipients as add/remove. Records every write.
 */
final class EnFakeClient implements EventNotificationsClient {
    record Call(String method, EnKind kind, String id, ObjectNode body, List<FilePart> files) {}

    private final String region;
    private final Map<EnKind, Map<String, ObjectNode>> stored = new EnumMap<>(EnKind.class);
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private int sequence;

    EnFakeClient(String region) {
        this.region = region;
    }

    synchronized ObjectNode add(EnKind kind, String singleQuotedJson) {
        ObjectNode entity = Json.of(singleQuotedJson);
        if (!entity.has("id")) {
            entity.put("id", region + "-" + kind.name().toLowerCase() + "-" + (++sequence));
        }
        entity.put("updated_at", "2026-11-22T10:00:" + (++sequence) + "Z");
        entities(kind).put(entity.get("id").asText(), entity);
        return entity;
    }

    synchronized ObjectNode byName(EnKind kind, String name) {
        return entities(kind).values().stream()
                .filter(e -> name.equals(EnJson.text(e, "name")))
                .findFirst()
                .map(ObjectNode::deepCopy)
                .orElse(null);
    }

    /** A change made by a user in the console: the entity changes and so does its marker. */
    synchronized void edit(EnKind kind, String name, Consumer<ObjectNode> change) {
        ObjectNode entity = entities(kind).values().stream()
                .filter(e -> name.equals(EnJson.text(e, "name")))
                .findFirst()
                .orElseThrow();
        change.accept(entity);
        entity.put("updated_at", "2026-11-22T13:00:" + (++sequence) + "Z");
    }

    List<Call> writes() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    void clearWrites() {
        calls.clear();
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String instanceId() {
        return "instance-" + region;
    }

    @Override
    public synchronized List<ObjectNode> list(EnKind kind) {
        return entities(kind).values().stream().map(e -> listItem(kind, e)).toList();
    }

    @Override
    public synchronized ObjectNode get(EnKind kind, String id) {
        ObjectNode entity = entities(kind).get(id);
        if (entity == null) {
            throw new IbmApiException(404, ErrorCategory.NOT_FOUND, "not_found", "not found", null, region, null, null);
        }
        return masked(kind, entity.deepCopy());
    }

    @Override
    public synchronized ObjectNode create(EnKind kind, ObjectNode body, List<FilePart> files) {
        calls.add(new Call("create", kind, null, body.deepCopy(), files));
        ObjectNode entity = body.deepCopy();
        entity.put("id", region + "-" + kind.name().toLowerCase() + "-" + (++sequence));
        entity.put("updated_at", "2026-11-22T11:00:" + (++sequence) + "Z");
        ObjectNode response = entity.deepCopy();
        entity.remove("params");
        if (kind == EnKind.SUBSCRIPTION
                && entity.path("attributes").path("invited").isArray()) {
            ObjectNode attributes = (ObjectNode) entity.get("attributes");
            attributes.set("invited", recipients(attributes.get("invited")));
        }
        entities(kind).put(entity.get("id").asText(), entity);
        return response;
    }

    @Override
    public synchronized ObjectNode update(EnKind kind, String id, ObjectNode body, List<FilePart> files) {
        calls.add(new Call("update", kind, id, body.deepCopy(), files));
        ObjectNode before = entities(kind).get(id).deepCopy();
        boolean put = kind.updateMethod() == EnKind.UpdateMethod.PUT;
        ObjectNode entity = put ? body.deepCopy() : before.deepCopy();
        if (!put) {
            body.properties().forEach(e -> entity.set(e.getKey(), e.getValue().deepCopy()));
        }
        if (kind == EnKind.SUBSCRIPTION
                && body.path("attributes").path("invited").isObject()) {
            applyRecipientChanges(before, body.get("attributes"), entity);
        }
        entity.put("id", id);
        entity.put("updated_at", "2026-11-22T12:00:" + (++sequence) + "Z");
        entity.remove("params");
        entities(kind).put(id, entity);
        return entity.deepCopy();
    }

    @Override
    public synchronized void delete(EnKind kind, String id) {
        calls.add(new Call("delete", kind, id, null, List.of()));
        entities(kind).remove(id);
    }

    @Override
    public List<ObjectNode> listSmtpUsers(String smtpConfigId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ObjectNode createSmtpUser(String smtpConfigId, ObjectNode body) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ObjectNode updateSmtpUser(String smtpConfigId, String userId, ObjectNode body) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteSmtpUser(String smtpConfigId, String userId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int probe() {
        return entities(EnKind.SOURCE).size();
    }

    private Map<String, ObjectNode> entities(EnKind kind) {
        return stored.computeIfAbsent(kind, k -> new LinkedHashMap<>());
    }

    /** What the real lists leave out. */
    private ObjectNode listItem(EnKind kind, ObjectNode entity) {
        ObjectNode item = entity.deepCopy();
        switch (kind) {
            case DESTINATION -> item.remove("config");
            case SUBSCRIPTION -> item.remove("attributes");
            case TOPIC -> {
                List<String> names = new ArrayList<>();
                EnJson.objects(item, "sources").forEach(s -> names.add(sourceName(EnJson.text(s, "id"))));
                item.remove(List.of("sources", "updated_at"));
                item.put("source_count", names.size());
                item.set("sources_names", EnJson.textArray(names));
            }
            default -> {}
        }
        return masked(kind, item);
    }

    private String sourceName(String id) {
        ObjectNode source = entities(EnKind.SOURCE).get(id);
        return source == null ? "?" : EnJson.text(source, "name");
    }

    /** Sensitive header values never come back in clear. */
    private static ObjectNode masked(EnKind kind, ObjectNode entity) {
        JsonNode params = entity.path("config").path("params");
        if (kind == EnKind.DESTINATION && params.path("custom_headers") instanceof ObjectNode headers) {
            params.path("sensitive_headers").forEach(name -> {
                if (headers.has(name.asText())) {
                    headers.put(name.asText(), "********");
                }
            });
        }
        return entity;
    }

    private static ArrayNode recipients(JsonNode plain) {
        ArrayNode objects = EnJson.NODES.arrayNode();
        plain.forEach(a -> objects.addObject()
                .put(a.asText().contains("@") ? "email" : "phone_number", a.asText())
                .put("updated_at", "2026-11-22T11:00:00Z")
                .put("expires_at", "2026-11-29T11:00:00Z"));
        return objects;
    }

    /** PATCH of recipients: invited add/remove and subscribed remove, on the stored GET shape. */
    private static void applyRecipientChanges(ObjectNode before, JsonNode change, ObjectNode entity) {
        ObjectNode attributes = before.path("attributes").deepCopy();
        Set<String> invited = EnSubscriptionAttributes.addresses(attributes.get("invited"));
        Set<String> subscribed = EnSubscriptionAttributes.addresses(attributes.get("subscribed"));
        change.path("invited").path("add").forEach(a -> invited.add(a.asText()));
        change.path("invited").path("remove").forEach(a -> invited.remove(a.asText()));
        change.path("subscribed").path("remove").forEach(a -> subscribed.remove(a.asText()));
        ObjectNode merged = change.deepCopy();
        merged.set("invited", recipients(EnJson.textArray(invited)));
        merged.set("subscribed", recipients(EnJson.textArray(subscribed)));
        entity.set("attributes", merged);
    }
}
