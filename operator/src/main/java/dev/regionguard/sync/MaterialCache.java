package dev.regionguard.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request's material, looked up once per entity and pass, so the watermark check and the
 * translation see the same digest.
 */
final class MaterialCache {
    private static final Logger LOG = LoggerFactory.getLogger(MaterialCache.class);

    private final MaterialSource source;
    private final Map<String, Optional<Material>> found = new ConcurrentHashMap<>();

    MaterialCache(MaterialSource source) {
        this.source = source == null ? MaterialSource.NONE : source;
    }

    Optional<Material> find(String typeName, String entityName) {
        if (entityName == null) {
            return Optional.empty();
        }
        return found.computeIfAbsent(typeName + '\u0000' + entityName, k -> lookUp(typeName, entityName));
    }

    /** Digest of the material of the entity named by the list item's {@code name}; null when none. */
    String digest(EntityType type, ObjectNode listItem) {
        JsonNode name = listItem.get("name");
        String entityName = name != null && name.isTextual() ? name.asText() : null;
        return find(type.name(), entityName).map(Material::digest).orElse(null);
    }

    private Optional<Material> lookUp(String typeName, String entityName) {
        try {
            return source.find(typeName, entityName);
        } catch (RuntimeException e) {
            // Treated as absent: the type then reports what it misses, without the failure's text.
            LOG.warn(
                    "material of {} '{}' could not be read: {}",
                    typeName,
                    entityName,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
