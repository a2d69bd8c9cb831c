package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.SyncContext;
import dev.regionguard.sync.Translation;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What every Event Notifications type does the same way. Source and target entities go through
 * the same {@link #project}: IBM's JSON is copied field for field (unknown fields included) minus
 * what the server owns or never returns, then shaped alike, so entities configured alike compare
 * equal. A type says which fields to drop and adds its own shaping, id remapping and write-only
 * material through the hooks.
 */
abstract class EnEntityType implements EntityType {
    private final String name;
    private final EnKind kind;
    private final Set<String> dependsOn;
    private final boolean listItemComplete;

    EnEntityType(String name, EnKind kind, Set<String> dependsOn, boolean listItemComplete) {
        this.name = name;
        this.kind = kind;
        this.dependsOn = dependsOn;
        this.listItemComplete = listItemComplete;
    }

    // --- hooks ---

    /** Top-level fields to drop besides ids, timestamps, counts and names: server-owned or never returned. */
    Set<String> droppedFields() {
        return Set.of();
    }

    /** When non-empty, the only fields of a built-in that are copied and compared. */
    Set<String> builtInFields() {
        return Set.of();
    }

    /** Fields the API cannot change: a difference there means delete and re-create. */
    Set<String> immutableFields() {
        return Set.of();
    }

    /** Aligns nested shapes (server fields inside objects, write-only values); both sides. */
    void shape(ObjectNode projected) {}

    /** Rewrites regional references with the standby's overrides; source side only. */
    void localize(ObjectNode body, Overrides overrides) {}

    /** Rewrites ids of other types into the target's; source side only. */
    void remap(ObjectNode body, EnReferences references) {}

    /** Why references to {@code unresolved} ("source 1a2b…") hold the entity back; topics name service sources. */
    String missingReferenceReason(List<String> unresolved) {
        return "MissingReference";
    }

    /** Sorts arrays whose order means nothing, once ids are remapped. */
    void sortUnordered(ObjectNode comparable) {}

    /** Adds write-only material to the body; the default has none. */
    Translation write(ObjectNode source, ObjectNode body, ObjectNode comparable, SyncContext context) {
        return desired(source, body, comparable, List.of(), null);
    }

    // --- EntityType ---

    @Override
    public final String name() {
        return name;
    }

    final EnKind kind() {
        return kind;
    }

    @Override
    public final Set<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public String key(ObjectNode entity) {
        return EnJson.text(entity, "name");
    }

    @Override
    public String id(ObjectNode entity) {
        return EnJson.text(entity, "id");
    }

    @Override
    public boolean builtIn(ObjectNode entity) {
        return false;
    }

    @Override
    public final boolean listItemComplete() {
        return listItemComplete;
    }

    @Override
    public String changeMarker(ObjectNode listItem) {
        return EnJson.text(listItem, "updated_at");
    }

    @Override
    public final Translation translate(ObjectNode source, SyncContext context) {
        ObjectNode body = project(source);
        dropOwnField(body, context.overrides());
        localize(body, context.overrides());
        EnReferences references = new EnReferences(context);
        remap(body, references);
        if (!references.unresolved().isEmpty()) {
            return new Translation.Skip(
                    missingReferenceReason(references.unresolved()),
                    describe(source) + " references " + String.join(", ", references.unresolved())
                            + ", not on this standby (yet)");
        }
        return write(source, body, comparableOf(body), context);
    }

    @Override
    public final ObjectNode comparable(ObjectNode target, SyncContext context) {
        ObjectNode projected = project(target);
        dropOwnField(projected, context.overrides());
        return comparableOf(projected);
    }

    /** The field the target region keeps as its own (see {@link EnOverrides}) is neither written nor compared. */
    private void dropOwnField(ObjectNode entity, Overrides overrides) {
        overrides.lookup(EnOverrides.OWN_FIELDS, name).ifPresent(entity::remove);
    }

    @Override
    public boolean needsReplace(Desired desired, ObjectNode targetComparable) {
        return immutableFields().stream()
                .anyMatch(f -> !Objects.equals(desired.comparable().get(f), targetComparable.get(f)));
    }

    // --- shared steps ---

    /** The entity as both sides can show it; a copy, the argument stays untouched. */
    final ObjectNode project(ObjectNode entity) {
        ObjectNode copy = entity.deepCopy();
        if (builtIn(entity) && !builtInFields().isEmpty()) {
            return EnJson.removeFields(copy, f -> !builtInFields().contains(f));
        }
        EnJson.removeFields(
                copy, f -> EnJson.serverGenerated(f) || droppedFields().contains(f));
        shape(copy);
        return copy;
    }

    private ObjectNode comparableOf(ObjectNode projected) {
        ObjectNode comparable = (ObjectNode) EnJson.compact(projected);
        sortUnordered(comparable);
        return comparable;
    }

    final Translation.Write desired(
            ObjectNode source, ObjectNode body, ObjectNode comparable, List<FilePart> files, String materialDigest) {
        return new Translation.Write(new Desired(key(source), body, comparable, files, materialDigest));
    }

    /** For messages: {@code topic 'alerts'}. Never shows anything but the name. */
    String describe(ObjectNode entity) {
        return name + " '" + EnJson.text(entity, "name") + "'";
    }
}
