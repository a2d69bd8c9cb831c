package dev.regionguard.sync;

import java.util.Optional;

/** What a translation may look up: the target's IDs for source IDs, and write-only material. */
public interface SyncContext {

    /** The target's ID of the entity that has {@code sourceId} on the source, if it exists there. */
    Optional<String> targetId(String typeName, String sourceId);

    /** Material supplied by the user for an entity (destination secrets, template bodies). */
    Optional<Material> material(String typeName, String entityName);

    /** What regional references become on this target; none unless the spec declares them. */
    default Overrides overrides() {
        return Overrides.NONE;
    }
}
