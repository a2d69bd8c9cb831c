package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One target during one pass: its lane, its lists, the ids of its entities by key (kept up to
 * date as entities are created), and the report. It is also the {@link SyncContext} its
 * translations see: a source id becomes this target's id through the shared key.
 */
final class TargetRun implements SyncContext {
    private final SyncTarget target;
    private final Lane lane;
    private final Listing listing;
    private final Listing source;
    private final MaterialCache material;
    private final Map<String, Map<String, String>> idsByKey = new HashMap<>();
    private final Set<String> compareInFull = new HashSet<>();
    private final Map<String, Set<String>> writtenKeys = new HashMap<>();
    private final TargetReport report = new TargetReport();
    private final Map<String, Map<String, ObjectNode>> seen = new HashMap<>();
    private Failure failure;

    TargetRun(SyncTarget target, Lane lane, Listing listing, Listing source, MaterialCache material) {
        this.target = target;
        this.lane = lane;
        this.listing = listing;
        this.source = source;
        this.material = material;
    }

    /** Waits for the lists; a target with any failed list is not reached in this pass. */
    void awaitListing(TypeGraph graph) {
        listing.await();
        failure = listing.headlineFailure();
        Duplicates.chooseKeepers(graph, listing);
        for (EntityType type : graph.types()) {
            Indexed indexed = listing.indexed(type);
            if (indexed != null) {
                Map<String, String> ids = new HashMap<>();
                indexed.byKey().forEach((key, entity) -> ids.put(key, type.id(entity)));
                idsByKey.put(type.name(), ids);
                if (type.listItemComplete()) {
                    indexed.byKey().forEach((key, entity) -> saw(type.name(), key, entity));
                }
            }
            Map<String, String> translation = translation(type);
            if (translation != null && watermarks().translationChanged(type.name(), translation)) {
                // An id changed behind our back (a lost create answer, a recreation on the standby):
                // referencing entities skipped by their watermarks would keep the old id.
                idsChanged(type, graph);
            }
        }
    }

    /** At the end of a pass: the mapping the next pass compares its lists with. */
    void rememberTranslations(TypeGraph graph) {
        for (EntityType type : graph.types()) {
            Map<String, String> translation = translation(type);
            if (translation != null) {
                watermarks().rememberTranslation(type.name(), translation);
            }
        }
    }

    /**
     * Source id to this target's id ("" when it has none yet) for one type; null when either side
     * was not listed.
     */
    private Map<String, String> translation(EntityType type) {
        Indexed sourceIndex = source.indexed(type);
        Map<String, String> ids = idsByKey.get(type.name());
        if (sourceIndex == null || ids == null) {
            return null;
        }
        Map<String, String> translation = new HashMap<>();
        sourceIndex.keyById().forEach((sourceId, key) -> {
            translation.put(sourceId, ids.getOrDefault(key, ""));
        });
        return translation;
    }

    @Override
    public Optional<String> targetId(String typeName, String sourceId) {
        Indexed sourceIndex = source.indexed(typeName);
        String key = sourceIndex == null || sourceId == null
                ? null
                : sourceIndex.keyById().get(sourceId);
        return key == null
                ? Optional.empty()
                : Optional.ofNullable(idsByKey.getOrDefault(typeName, Map.of()).get(key));
    }

    @Override
    public Optional<Material> material(String typeName, String entityName) {
        return material.find(typeName, entityName);
    }

    @Override
    public Overrides overrides() {
        return target.overrides();
    }

    void setId(String typeName, String key, String id) {
        Map<String, String> ids = idsByKey.computeIfAbsent(typeName, t -> new HashMap<>());
        if (id == null) {
            ids.remove(key);
        } else {
            ids.put(key, id);
        }
    }

    /** The target's full entity as read or as written in this pass, for the audit of its copy. */
    void saw(String typeName, String key, ObjectNode entity) {
        if (entity != null) {
            seen.computeIfAbsent(typeName, k -> new HashMap<>()).put(key, entity);
        }
    }

    /** What this pass saw of the target, limited to the keys it holds at the end of the pass. */
    SyncOutcome.Copy copy() {
        Map<String, Set<String>> present = new HashMap<>();
        idsByKey.forEach((type, ids) -> present.put(type, Set.copyOf(ids.keySet())));
        Map<String, Map<String, ObjectNode>> held = new HashMap<>();
        seen.forEach((type, byKey) -> {
            Set<String> keys = present.getOrDefault(type, Set.of());
            Map<String, ObjectNode> kept = new HashMap<>(byKey);
            kept.keySet().retainAll(keys);
            held.put(type, kept);
        });
        return new SyncOutcome.Copy(held, present);
    }

    /** Ids of this type changed: whatever references it must be compared in full. */
    void idsChanged(EntityType type, TypeGraph graph) {
        compareInFull.addAll(graph.dependents(type.name()));
    }

    /** Records a create or update, whose marker a fresh list settles at the end of the pass. */
    void wrote(String typeName, String key) {
        writtenKeys.computeIfAbsent(typeName, t -> new HashSet<>()).add(key);
    }

    Set<String> written(String typeName) {
        return writtenKeys.getOrDefault(typeName, Set.of());
    }

    boolean mustCompareInFull(EntityType type) {
        return compareInFull.contains(type.name());
    }

    boolean reached() {
        return failure == null;
    }

    Failure failure() {
        return failure;
    }

    String name() {
        return target.name();
    }

    EntityStore store() {
        return target.store();
    }

    Watermarks watermarks() {
        return target.watermarks();
    }

    Lane lane() {
        return lane;
    }

    Indexed indexed(EntityType type) {
        return listing.indexed(type);
    }

    TargetReport report() {
        return report;
    }
}
