package dev.regionguard.tools.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Material;
import dev.regionguard.sync.MaterialSource;
import dev.regionguard.sync.SyncContext;
import dev.regionguard.sync.Translation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The copy IBM's DR page describes, as the benchmark's baseline: for each entity in restore
 * order, GET it from the primary, then POST it to the standby, one call at a time. It uses the
 * same translations as the sync engine, so the two differ only in how they schedule calls.
 */
final class NaiveCopy implements SyncContext {
    private final EntityStore primary;
    private final EntityStore standby;
    private final MaterialSource material;
    /** Runs the GETs that follow an app, as the sync does. */
    private final Executor executor;
    /** type name -> primary id -> standby id */
    private final Map<String, Map<String, String>> ids = new HashMap<>();

    NaiveCopy(EntityStore primary, EntityStore standby, MaterialSource material, Executor executor) {
        this.executor = executor;
        this.primary = primary;
        this.standby = standby;
        this.material = material;
    }

    /** Returns the number of entities written. */
    int copy(List<EntityType> types) {
        int written = 0;
        for (EntityType type : types) {
            Map<String, String> idMap = ids.computeIfAbsent(type.name(), t -> new HashMap<>());
            Map<String, String> builtInsOnStandby = new HashMap<>();
            for (ObjectNode item : standby.list(type)) {
                if (type.builtIn(item)) {
                    builtInsOnStandby.put(type.key(item), type.id(item));
                }
            }
            for (ObjectNode item : primary.list(type)) {
                if (type.builtIn(item)) {
                    idMap.put(type.id(item), builtInsOnStandby.get(type.key(item)));
                    continue;
                }
                ObjectNode full = primary.read(type, item);
                if (type.translate(full, this) instanceof Translation.Write write) {
                    ObjectNode created = standby.settle(type, standby.create(type, write.desired()), executor)
                            .join();
                    idMap.put(type.id(item), type.id(created));
                    written++;
                }
            }
        }
        return written;
    }

    @Override
    public Optional<String> targetId(String typeName, String sourceId) {
        return Optional.ofNullable(ids.getOrDefault(typeName, Map.of()).get(sourceId));
    }

    @Override
    public Optional<Material> material(String typeName, String entityName) {
        return material.find(typeName, entityName);
    }
}
