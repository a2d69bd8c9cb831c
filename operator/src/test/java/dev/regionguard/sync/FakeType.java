package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A simple entity type for engine tests: keyed by {@code name}; {@code builtin: true} marks
 * built-ins; reference fields hold ids of other types; {@code needs_secret: true} takes
 * {@code secret} from material; fields named in {@code immutable} force a replace.
 */
final class FakeType implements EntityType {
    private final String name;
    private final Map<String, String> references;
    private final boolean listItemComplete;
    private final Set<String> immutable;

    FakeType(String name, Map<String, String> references, boolean listItemComplete, Set<String> immutable) {
        this.name = name;
        this.references = references;
        this.listItemComplete = listItemComplete;
        this.immutable = immutable;
    }

    static FakeType simple(String name) {
        return new FakeType(name, Map.of(), false, Set.of());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.copyOf(references.values());
    }

    @Override
    public String key(ObjectNode entity) {
        return entity.path("name").asText(null);
    }

    @Override
    public String id(ObjectNode entity) {
        return entity.path("id").asText(null);
    }

    @Override
    public boolean builtIn(ObjectNode entity) {
        return entity.path("builtin").asBoolean(false);
    }

    @Override
    public boolean listItemComplete() {
        return listItemComplete;
    }

    @Override
    public String changeMarker(ObjectNode listItem) {
        return listItem.path("updated_at").asText(null);
    }

    @Override
    public Translation translate(ObjectNode source, SyncContext context) {
        ObjectNode body = source.deepCopy();
        body.remove(List.of("id", "updated_at"));
        for (Map.Entry<String, String> ref : references.entrySet()) {
            if (!body.has(ref.getKey())) {
                continue;
            }
            Optional<String> targetId =
                    context.targetId(ref.getValue(), body.get(ref.getKey()).asText());
            if (targetId.isEmpty()) {
                return new Translation.Skip("MissingReference", ref.getValue() + " not on the target");
            }
            body.put(ref.getKey(), targetId.get());
        }
        ObjectNode comparable = body.deepCopy();
        String digest = null;
        if (body.path("needs_secret").asBoolean(false)) {
            Optional<Material> material = context.material(name, key(source));
            if (material.isEmpty() || !material.get().values().containsKey("secret")) {
                return new Translation.Skip(
                        "MissingSecret", name + " '" + key(source) + "' needs secret from a Secret");
            }
            body.put("secret", material.get().values().get("secret"));
            digest = material.get().digest();
        }
        return new Translation.Write(new Desired(key(source), body, comparable, List.of(), digest));
    }

    @Override
    public ObjectNode comparable(ObjectNode target, SyncContext context) {
        ObjectNode c = target.deepCopy();
        c.remove(List.of("id", "updated_at", "secret"));
        return c;
    }

    @Override
    public boolean needsReplace(Desired desired, ObjectNode targetComparable) {
        return immutable.stream()
                .anyMatch(f -> !Objects.equals(desired.comparable().get(f), targetComparable.get(f)));
    }
}
