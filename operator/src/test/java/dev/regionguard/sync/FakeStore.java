package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory store: a map per type, ids and {@code updated_at} markers it makes up, counters per
 * call, failures on demand, and a duplicate-name check like IBM's 409.
 */
final class FakeStore implements EntityStore {
    private final String name;
    private final Map<String, Map<String, ObjectNode>> byType = new ConcurrentHashMap<>();
    private final Map<String, IbmApiException> listFailures = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> writeFailures = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> lostAnswers = new ConcurrentHashMap<>();
    private final Map<String, String> ignoredOnUpdate = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> findFailures = new ConcurrentHashMap<>();
    /** Per type, entity names its lists leave out while they still exist (a poisoned list). */
    private final Map<String, Set<String>> hiddenFromLists = new ConcurrentHashMap<>();

    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> writeLog = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger lists = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger finds = new AtomicInteger();
    final AtomicInteger creates = new AtomicInteger();
    final AtomicInteger updates = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();
    volatile boolean markerInWriteResponse = true;

    FakeStore(String name) {
        this.name = name;
    }

    static IbmApiException error(int status, String message) {
        return new IbmApiException(
                status,
                status == 0 ? ErrorCategory.UNREACHABLE : ErrorCategory.ofStatus(status),
                "code_" + status,
                message,
                "trace-1",
                "test",
                null,
                null);
    }

    // --- test set-up and inspection ---

    ObjectNode add(String type, String json) {
        ObjectNode entity = Json.of(json);
        if (!entity.has("id")) {
            entity.put("id", name + "-" + sequence.incrementAndGet());
        }
        entity.put("updated_at", "t" + sequence.incrementAndGet());
        entities(type).put(entity.get("id").asText(), entity);
        return entity;
    }

    ObjectNode find(String type, String entityName) {
        return entities(type).values().stream()
                .filter(e -> entityName.equals(e.path("name").asText()))
                .findFirst()
                .orElse(null);
    }

    List<String> names(String type) {
        return entities(type).values().stream()
                .map(e -> e.path("name").asText())
                .sorted()
                .toList();
    }

    /** Changes a field as a user would: the marker moves too. */
    void change(String type, String entityName, String field, String value) {
        ObjectNode entity = find(type, entityName);
        entity.put(field, value);
        entity.put("updated_at", "t" + sequence.incrementAndGet());
    }

    void remove(String type, String entityName) {
        entities(type).values().remove(find(type, entityName));
    }

    /** Lists of this type fail with this error; null heals them. */
    void failList(String type, IbmApiException e) {
        if (e == null) {
            listFailures.remove(type);
        } else {
            listFailures.put(type, e);
        }
    }

    void failWrite(String type, String entityName, RuntimeException e) {
        writeFailures.put(type + "/" + entityName, e);
    }

    /** The next create of this entity happens, but its caller gets this failure instead of the answer. */
    void loseCreateAnswer(String type, String entityName, RuntimeException e) {
        lostAnswers.put(type + "/" + entityName, e);
    }

    /** Updates of this type answer success but keep the field's old value, like an ignored field. */
    void ignoreOnUpdate(String type, String field) {
        ignoredOnUpdate.put(type, field);
    }

    /** Updates of this type are taken in full again. */
    void acceptUpdates(String type) {
        ignoredOnUpdate.remove(type);
    }

    /** Lists of this type leave the entity out while it still exists (a truncated or shifted page). */
    void hideFromLists(String type, String entityName) {
        hiddenFromLists
                .computeIfAbsent(type, t -> ConcurrentHashMap.newKeySet())
                .add(entityName);
    }

    void showInLists(String type) {
        hiddenFromLists.remove(type);
    }

    /** Direct reads of this type fail with this error; null heals them. */
    void failFind(String type, RuntimeException e) {
        if (e == null) {
            findFailures.remove(type);
        } else {
            findFailures.put(type, e);
        }
    }

    int writes() {
        return creates.get() + updates.get() + deletes.get();
    }

    List<String> writeLog() {
        return List.copyOf(writeLog);
    }

    void resetCounters() {
        List.of(lists, reads, finds, creates, updates, deletes).forEach(c -> c.set(0));
        writeLog.clear();
    }

    // --- EntityStore ---

    @Override
    public String describe() {
        return name;
    }

    @Override
    public List<ObjectNode> list(EntityType type) {
        lists.incrementAndGet();
        IbmApiException failure = listFailures.get(type.name());
        if (failure != null) {
            throw failure;
        }
        Set<String> hidden = hiddenFromLists.getOrDefault(type.name(), Set.of());
        return entities(type.name()).values().stream()
                .filter(e -> !hidden.contains(e.path("name").asText()))
                .map(ObjectNode::deepCopy)
                .toList();
    }

    @Override
    public ObjectNode read(EntityType type, ObjectNode listItem) {
        reads.incrementAndGet();
        ObjectNode entity = entities(type.name()).get(type.id(listItem));
        if (entity == null) {
            throw error(404, "not found");
        }
        return entity.deepCopy();
    }

    @Override
    public ObjectNode find(EntityType type, String id) {
        finds.incrementAndGet();
        RuntimeException failure = findFailures.get(type.name());
        if (failure != null) {
            throw failure;
        }
        ObjectNode entity = entities(type.name()).get(id);
        return entity == null ? null : entity.deepCopy();
    }

    @Override
    public synchronized ObjectNode create(EntityType type, Desired desired) {
        creates.incrementAndGet();
        String entityName = desired.body().path("name").asText();
        writeLog.add("create " + type.name() + "/" + entityName);
        failIfTold(type, entityName);
        if (find(type.name(), entityName) != null) {
            throw error(409, "name already exists");
        }
        ObjectNode created = desired.body().deepCopy();
        created.put("id", name + "-" + sequence.incrementAndGet());
        created.put("updated_at", "t" + sequence.incrementAndGet());
        entities(type.name()).put(created.get("id").asText(), created);
        RuntimeException lost = lostAnswers.remove(type.name() + "/" + entityName);
        if (lost != null) {
            throw lost;
        }
        return response(created);
    }

    @Override
    public synchronized ObjectNode update(EntityType type, ObjectNode current, Desired desired) {
        updates.incrementAndGet();
        String entityName = current.path("name").asText();
        writeLog.add("update " + type.name() + "/" + entityName);
        failIfTold(type, entityName);
        ObjectNode updated = desired.body().deepCopy();
        updated.put("id", type.id(current));
        String ignored = ignoredOnUpdate.get(type.name());
        if (ignored != null) {
            ObjectNode stored = entities(type.name()).get(type.id(current));
            updated.set(ignored, stored == null ? null : stored.get(ignored));
        }
        updated.put("updated_at", "t" + sequence.incrementAndGet());
        entities(type.name()).put(type.id(current), updated);
        return response(updated);
    }

    @Override
    public synchronized void delete(EntityType type, ObjectNode current) {
        deletes.incrementAndGet();
        String entityName = current.path("name").asText();
        writeLog.add("delete " + type.name() + "/" + entityName);
        failIfTold(type, entityName);
        entities(type.name()).remove(type.id(current));
    }

    private ObjectNode response(ObjectNode entity) {
        ObjectNode response = entity.deepCopy();
        if (!markerInWriteResponse) {
            response.remove("updated_at");
        }
        return response;
    }

    private void failIfTold(EntityType type, String entityName) {
        RuntimeException failure = writeFailures.get(type.name() + "/" + entityName);
        if (failure != null) {
            throw failure;
        }
    }

    /** In creation order, as lists show them (duplicates tests depend on which copy comes first). */
    private Map<String, ObjectNode> entities(String type) {
        return byType.computeIfAbsent(type, t -> Collections.synchronizedMap(new LinkedHashMap<>()));
    }
}
