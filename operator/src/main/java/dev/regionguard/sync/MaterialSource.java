package dev.regionguard.sync;

import java.util.Optional;

/** Finds user-supplied write-only material for an entity; empty when none is referenced. */
@FunctionalInterface
public interface MaterialSource {
    MaterialSource NONE = (type, name) -> Optional.empty();

    Optional<Material> find(String typeName, String entityName);
}
