package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code /topics}: sources with their filter rules; PUT replaces the whole topic. */
final class TopicKind extends EntityKind {

    static final String PERIODIC_TIMER = "periodic-timer";
    private static final List<String> RULE_FIELDS =
            List.of("enabled", "event_type_filter", "notification_filter", "event_schedule_filter");

    TopicKind() {
        super("topics", "PUT");
    }

    @Override
    EntityTable table(EnInstance instance) {
        return instance.topics;
    }

    @Override
    ObjectNode create(EnInstance instance, String parentId, RequestBody request) {
        ObjectNode fields = request.fields();
        String name = requireNewName(instance.topics, fields, null);
        ArrayNode sources = sources(instance, fields, Json.array());
        ObjectNode stored = newEntity(instance, EnInstance.newId());
        stored.put("name", name);
        stored.put("description", description(fields));
        stored.set("sources", sources);
        instance.topics.put(stored);
        return stored;
    }

    @Override
    ObjectNode createResponse(EnInstance instance, ObjectNode stored) {
        return Json.pick(stored, "id", "name", "description", "created_at");
    }

    @Override
    ObjectNode view(EnInstance instance, ObjectNode stored) {
        ObjectNode view = Json.pick(stored, "id", "name", "description", "updated_at");
        view.put("source_count", stored.get("sources").size());
        ArrayNode sources = view.putArray("sources");
        for (JsonNode source : stored.get("sources")) {
            ObjectNode item = sources.addObject();
            item.put("id", source.get("id").textValue());
            item.put("name", sourceName(instance, source));
            item.set("rules", source.get("rules").deepCopy());
        }
        List<ObjectNode> subscriptions =
                instance.subscriptionsWith("topic_id", stored.get("id").textValue());
        view.put("subscription_count", subscriptions.size());
        ArrayNode items = view.putArray("subscriptions");
        subscriptions.forEach(s -> items.add(EnKinds.SUBSCRIPTIONS.listItem(instance, s)));
        return view;
    }

    @Override
    ObjectNode listItem(EnInstance instance, ObjectNode stored) {
        ObjectNode item = Json.pick(stored, "id", "name", "description");
        item.put("source_count", stored.get("sources").size());
        ArrayNode names = item.putArray("sources_names");
        stored.get("sources").forEach(source -> names.add(sourceName(instance, source)));
        item.put(
                "subscription_count",
                instance.subscriptionsWith("topic_id", stored.get("id").textValue())
                        .size());
        return item;
    }

    @Override
    void update(EnInstance instance, ObjectNode stored, RequestBody request) {
        ObjectNode fields = request.fields();
        stored.put(
                "name", requireNewName(instance.topics, fields, stored.get("id").textValue()));
        stored.put("description", description(fields));
        stored.set("sources", sources(instance, fields, (ArrayNode) stored.get("sources")));
        touch(instance, stored);
    }

    @Override
    void delete(EnInstance instance, ObjectNode stored) {
        refuseWhileUsed(
                "topic", instance.subscriptionsWith("topic_id", stored.get("id").textValue()));
        super.delete(instance, stored);
    }

    private static String sourceName(EnInstance instance, JsonNode source) {
        ObjectNode stored = instance.sources.get(source.get("id").textValue());
        return stored == null ? "" : stored.get("name").textValue();
    }

    /**
     * Validated sources of a create or replace. A rule equal to one the topic already had keeps its
     * id and updated_at, so an unchanged PUT changes no rule.
     */
    private static ArrayNode sources(EnInstance instance, ObjectNode fields, ArrayNode previous) {
        ArrayNode requested = Json.arrayField(fields, "sources");
        ArrayNode result = Json.array();
        if (requested == null) {
            return result;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode node : requested) {
            if (!node.isObject()) {
                throw ApiException.badRequest("Each entry of 'sources' must be an object");
            }
            String id = Json.requiredText((ObjectNode) node, "id");
            ObjectNode source = instance.sources.get(id);
            if (source == null) {
                throw ApiException.badRequest("The source with id '" + id + "' does not exist in this instance");
            }
            if (!seen.add(id)) {
                throw ApiException.badRequest("The source '" + id + "' is listed twice");
            }
            ArrayNode rules = Json.arrayField((ObjectNode) node, "rules");
            if (rules == null || rules.isEmpty()) {
                throw ApiException.badRequest("Field 'sources[].rules' is required for source '" + id + "'");
            }
            boolean timer = PERIODIC_TIMER.equals(source.path("type").textValue());
            ObjectNode entry = result.addObject();
            entry.put("id", id);
            ArrayNode storedRules = entry.putArray("rules");
            List<JsonNode> reusable = previousRules(previous, id);
            for (JsonNode rule : rules) {
                storedRules.add(rule(instance, rule, timer, reusable));
            }
        }
        return result;
    }

    private static ObjectNode rule(EnInstance instance, JsonNode node, boolean timer, List<JsonNode> reusable) {
        if (!node.isObject()) {
            throw ApiException.badRequest("Each rule must be an object");
        }
        ObjectNode requested = (ObjectNode) node;
        ObjectNode rule = Json.object();
        Boolean enabled = Json.bool(requested, "enabled");
        rule.put("enabled", enabled == null || enabled);
        String eventType = Json.text(requested, "event_type_filter");
        String notification = Json.text(requested, "notification_filter");
        ObjectNode schedule = Json.objectField(requested, "event_schedule_filter");
        if (timer) {
            if (schedule == null) {
                throw ApiException.badRequest("Rules of the periodic timer source need 'event_schedule_filter'");
            }
            if (eventType != null || notification != null) {
                throw ApiException.badRequest(
                        "Rules of the periodic timer source take no event_type_filter or notification_filter");
            }
            Json.requiredText(schedule, "expression");
        } else if (schedule != null) {
            throw ApiException.badRequest("Only rules of the periodic timer source take 'event_schedule_filter'");
        }
        if (eventType != null) {
            rule.put("event_type_filter", eventType);
        }
        if (notification != null) {
            rule.put("notification_filter", notification);
        }
        if (schedule != null) {
            rule.set("event_schedule_filter", Json.pick(schedule, "starts_at", "ends_at", "expression"));
        }
        for (JsonNode old : reusable) {
            if (Json.pick((ObjectNode) old, RULE_FIELDS.toArray(String[]::new)).equals(rule)) {
                reusable.remove(old);
                rule.set("updated_at", old.get("updated_at"));
                rule.set("id", old.get("id"));
                return rule;
            }
        }
        rule.put("updated_at", instance.now());
        rule.put("id", EnInstance.newId());
        return rule;
    }

    private static List<JsonNode> previousRules(ArrayNode previous, String sourceId) {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode source : previous) {
            if (sourceId.equals(source.get("id").textValue())) {
                source.get("rules").forEach(rules::add);
            }
        }
        return rules;
    }
}
