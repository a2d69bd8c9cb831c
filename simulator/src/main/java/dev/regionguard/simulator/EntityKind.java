package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One EN collection: how it validates writes and what each kind of answer shows. Stored entities
 * hold everything written, write-only values included; the views decide what a client sees.
 * Kinds are stateless; callers hold the instance lock.
 */
abstract class EntityKind {

    private final String listKey;
    private final String updateMethod;

    EntityKind(String listKey, String updateMethod) {
        this.listKey = listKey;
        this.updateMethod = updateMethod;
    }

    /** The JSON array of list responses. */
    final String listKey() {
        return listKey;
    }

    /** PUT (replace) or PATCH. */
    final String updateMethod() {
        return updateMethod;
    }

    abstract EntityTable table(EnInstance instance);

    /** Items of the collection in creation order; nested kinds filter by their parent. */
    List<ObjectNode> items(EnInstance instance, String parentId) {
        return table(instance).all();
    }

    ObjectNode find(EnInstance instance, String parentId, String id) {
        return table(instance).require(id);
    }

    boolean multipart() {
        return false;
    }

    boolean deletable() {
        return true;
    }

    /** Query parameters a list filters on by exact match of the stored field (none for most kinds). */
    List<String> listFilters() {
        return List.of();
    }

    boolean matchesSearch(ObjectNode stored, String search) {
        return stored.path("name").asText().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
    }

    /** Validates, stores and returns the new entity. */
    abstract ObjectNode create(EnInstance instance, String parentId, RequestBody request);

    abstract ObjectNode createResponse(EnInstance instance, ObjectNode stored);

    /** What GET of one entity shows; also the answer to an update. */
    abstract ObjectNode view(EnInstance instance, ObjectNode stored);

    ObjectNode listItem(EnInstance instance, ObjectNode stored) {
        return view(instance, stored);
    }

    /** Validates and applies an update in place; the caller answers with {@link #view}. */
    abstract void update(EnInstance instance, ObjectNode stored, RequestBody request);

    /** Removes the entity, or refuses (built-ins, entities still referenced). */
    void delete(EnInstance instance, ObjectNode stored) {
        table(instance).remove(stored.get("id").textValue());
    }

    /** The entity a DELETE on the collection names in its query; most collections take no such DELETE. */
    ObjectNode findByQuery(EnInstance instance, String parentId, Map<String, String> query) {
        throw ApiException.methodNotAllowed("DELETE");
    }

    /** The view plus what clients never see again: for test assertions. */
    ObjectNode snapshot(EnInstance instance, ObjectNode stored) {
        ObjectNode snapshot = view(instance, stored);
        snapshot.set("created_at", stored.get("created_at"));
        return snapshot;
    }

    /** Common start of a stored entity: a new id and both timestamps. */
    static ObjectNode newEntity(EnInstance instance, String id) {
        ObjectNode stored = Json.object();
        stored.put("id", id);
        String now = instance.now();
        stored.put("created_at", now);
        stored.put("updated_at", now);
        return stored;
    }

    static void touch(EnInstance instance, ObjectNode stored) {
        stored.put("updated_at", instance.now());
    }

    /** A new name, unique in its collection and within IBM's length limit. */
    static String requireNewName(EntityTable table, ObjectNode fields, String exceptId) {
        String name = Json.limited(Json.requiredText(fields, "name"), "name", 255);
        table.requireUniqueName(name, exceptId);
        return name;
    }

    /** The PATCH rule for names and descriptions: change what is sent, keep the rest. */
    static void patchNameAndDescription(EntityTable table, ObjectNode stored, ObjectNode fields) {
        if (fields.has("name")) {
            stored.put("name", requireNewName(table, fields, stored.get("id").textValue()));
        }
        if (fields.has("description")) {
            stored.put("description", description(fields));
        }
    }

    /** 409 while other entities still point at this one: clients must delete in dependency order. */
    static void refuseWhileUsed(String what, List<ObjectNode> dependants) {
        if (!dependants.isEmpty()) {
            throw ApiException.conflict("The " + what + " is still used by " + EnInstance.names(dependants)
                    + "; change or delete those first");
        }
    }

    static String description(ObjectNode fields) {
        String description = Json.limited(Json.text(fields, "description"), "description", 255);
        return description == null ? "" : description;
    }
}
