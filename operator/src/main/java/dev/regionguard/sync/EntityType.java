package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import java.util.Set;

/**
 * What the engine must know about one kind of entity: how it is identified across instances,
 * which fields the server owns, which references point at other kinds. Pure: no I/O.
 */
public interface EntityType {

    /** Stable, lower-case name used in status, Events and watermarks, e.g. {@code destination}. */
    String name();

    /** Names of the types whose IDs this type's bodies reference (remapped through the context). */
    Set<String> dependsOn();

    /** Identity across instances, e.g. the name, or {@code type/name} for destinations. */
    String key(ObjectNode entity);

    String id(ObjectNode entity);

    /** Built-ins exist in every instance: matched by key and updated, never created or deleted. */
    boolean builtIn(ObjectNode entity);

    /** The reason and message reported for a built-in of the source that the target lacks. */
    default Translation.Skip builtInMissing(ObjectNode sourceItem) {
        return new Translation.Skip("BuiltInMissing", "built in on the primary but absent on this standby");
    }

    /**
     * False for entities the API cannot delete (EN integrations have no DELETE endpoint): they are
     * never deletion candidates. Built-ins are never deleted either way.
     */
    default boolean deletable(ObjectNode entity) {
        return !builtIn(entity);
    }

    /**
     * The reason when IBM's refusal of a create means that something outside RegionGuard must happen
     * first (the entity is then skipped, not failed: no retry schedule, the next pass tries once more);
     * null when the refusal is a failed write.
     */
    default String createRefusal(ErrorCategory category) {
        return null;
    }

    /**
     * False when {@code find} reads the same collection a list does (no path of the entity's own): it
     * then proves nothing a poisoned list did not, and a deletion needs two complete lists instead.
     */
    default boolean directReadProvesAbsence() {
        return true;
    }

    /** False for a type synced only when the spec names it (its copy depends on what the owner does elsewhere). */
    default boolean syncedByDefault() {
        return true;
    }

    /** True when list items hold everything {@link #translate} and {@link #comparable} need. */
    boolean listItemComplete();

    /** Changes whenever the entity changes (updated_at, or a fingerprint of the list item). */
    String changeMarker(ObjectNode listItem);

    /** The body to write on the target for a full source entity, or why it cannot be written. */
    Translation translate(ObjectNode source, SyncContext context);

    /** A full target entity projected like {@link Desired#comparable()}, for comparison. */
    ObjectNode comparable(ObjectNode target, SyncContext context);

    /** True when the difference is in a field the API cannot update (delete and re-create). */
    boolean needsReplace(Desired desired, ObjectNode targetComparable);
}
