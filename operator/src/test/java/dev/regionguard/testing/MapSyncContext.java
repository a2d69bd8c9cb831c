package dev.regionguard.testing;

import dev.regionguard.sync.Material;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.SyncContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A SyncContext from maps: target ids by type and source id, material by type and name; empty when new. */
public final class MapSyncContext implements SyncContext {
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, Material> materials = new HashMap<>();
    private Overrides overrides = Overrides.NONE;

    public MapSyncContext overrides(Overrides overrides) {
        this.overrides = overrides;
        return this;
    }

    @Override
    public Overrides overrides() {
        return overrides;
    }

    public MapSyncContext id(String typeName, String sourceId, String targetId) {
        ids.put(typeName + "/" + sourceId, targetId);
        return this;
    }

    public MapSyncContext material(String typeName, String entityName, Map<String, String> values) {
        materials.put(
                typeName + "/" + entityName,
                new Material(values, List.of(), "digest-" + values.hashCode(), "Secret test"));
        return this;
    }

    public MapSyncContext material(String typeName, String entityName, Material material) {
        materials.put(typeName + "/" + entityName, material);
        return this;
    }

    @Override
    public Optional<String> targetId(String typeName, String sourceId) {
        return Optional.ofNullable(ids.get(typeName + "/" + sourceId));
    }

    @Override
    public Optional<Material> material(String typeName, String entityName) {
        return Optional.ofNullable(materials.get(typeName + "/" + entityName));
    }
}
