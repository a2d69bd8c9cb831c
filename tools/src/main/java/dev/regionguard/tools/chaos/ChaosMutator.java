package dev.regionguard.tools.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Material;
import dev.regionguard.sync.MaterialSource;
import dev.regionguard.sync.SyncContext;
import dev.regionguard.sync.Translation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Random changes to the primary through the operator's own store: creates (copies of existing
 * entities under new names), updates, renames, deletes and reference changes. A change the API
 * refuses (a topic still in use, a name too long) is recorded as refused: that is the user's
 * problem, not the engine's.
 */
final class ChaosMutator {
    private static final Pattern COPY_SUFFIX = Pattern.compile("(-c\\d+x\\d+)+$");
    private static final String[] OPERATIONS = {"create", "update", "rename", "delete", "reference"};

    private final EntityStore primary;
    private final List<EntityType> types;
    private final MaterialSource material;

    ChaosMutator(EntityStore primary, List<EntityType> types, MaterialSource material) {
        this.primary = primary;
        this.types = types;
        this.material = material;
    }

    /** The name a copy was made from, so a copy finds its original's material. */
    static String originalName(String name) {
        return name == null ? null : COPY_SUFFIX.matcher(name).replaceFirst("");
    }

    /** Applies 1-3 random changes to every type; returns one line per change for the replay report. */
    List<String> mutate(Random random, int round) {
        List<String> steps = new ArrayList<>();
        int serial = 0;
        for (EntityType type : types) {
            int changes = 1 + random.nextInt(3);
            for (int i = 0; i < changes; i++) {
                List<ObjectNode> items = primary.list(type).stream()
                        .filter(e -> !type.builtIn(e) && type.deletable(e))
                        .toList();
                if (items.isEmpty()) {
                    break;
                }
                ObjectNode target = items.get(random.nextInt(items.size()));
                String operation = OPERATIONS[random.nextInt(OPERATIONS.length)];
                String copyName =
                        COPY_SUFFIX.matcher(target.path("name").asText()).replaceFirst("") + "-c" + round + "x"
                                + serial++;
                String step = type.name() + " " + operation + " " + type.key(target);
                try {
                    step += apply(type, target, operation, copyName, random);
                } catch (RuntimeException e) {
                    step += " refused (" + e.getClass().getSimpleName() + ")";
                }
                steps.add(step);
            }
        }
        return steps;
    }

    private String apply(EntityType type, ObjectNode item, String operation, String copyName, Random random) {
        ObjectNode full = type.listItemComplete() ? item : primary.read(type, item);
        switch (operation) {
            case "delete" -> primary.delete(type, full);
            case "create" -> {
                primary.create(type, renamed(desired(type, full), copyName));
                return " as " + copyName;
            }
            case "rename" -> {
                primary.create(type, renamed(desired(type, full), copyName));
                primary.delete(type, full);
                return " to " + copyName;
            }
            case "update" -> {
                Desired desired = desired(type, full);
                if (!desired.body().has("description")) {
                    return " skipped (no description)";
                }
                desired.body().put("description", "chaos " + random.nextInt(1_000_000));
                primary.update(type, full, desired);
            }
            default -> {
                return reference(type, full, random);
            }
        }
        return "";
    }

    /** Points one ID reference (e.g. a subscription's topic or destination) at another entity. */
    private String reference(EntityType type, ObjectNode full, Random random) {
        Desired desired = desired(type, full);
        Iterator<Map.Entry<String, JsonNode>> fields = desired.body().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().endsWith("_id") || !field.getValue().isTextual()) {
                continue;
            }
            for (EntityType dependency : types) {
                if (!type.dependsOn().contains(dependency.name())) {
                    continue;
                }
                List<String> ids =
                        primary.list(dependency).stream().map(dependency::id).toList();
                if (ids.contains(field.getValue().asText()) && ids.size() > 1) {
                    String other = ids.get(random.nextInt(ids.size()));
                    desired.body().put(field.getKey(), other);
                    primary.update(type, full, desired);
                    return " " + field.getKey() + "->" + dependency.name() + " " + other;
                }
            }
        }
        return " skipped (no reference)";
    }

    private Desired desired(EntityType type, ObjectNode full) {
        Translation translation = type.translate(full, identity());
        if (translation instanceof Translation.Write write) {
            return write.desired();
        }
        throw new IllegalStateException("not writable: " + ((Translation.Skip) translation).reason());
    }

    private static Desired renamed(Desired desired, String name) {
        ObjectNode body = desired.body().deepCopy();
        body.put("name", name);
        return new Desired(name, body, desired.comparable(), desired.files(), desired.materialDigest());
    }

    /** The primary writing to itself: IDs stay as they are. */
    private SyncContext identity() {
        return new SyncContext() {
            @Override
            public Optional<String> targetId(String typeName, String sourceId) {
                return Optional.of(sourceId);
            }

            @Override
            public Optional<Material> material(String typeName, String entityName) {
                return material.find(typeName, entityName);
            }
        };
    }
}
