package dev.regionguard.eventnotifications;

import dev.regionguard.sync.EntityType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Event Notifications entity types in restore order: what each is keyed by,
 * which fields the server owns, which ids are remapped and where write-only material goes.
 * SMTP users are not among them (see {@link EnSmtpConfigType}).
 */
public final class EnEntityTypes {
    public static final String INTEGRATION = "integration";
    public static final String SOURCE = "source";
    public static final String SMTP_CONFIG = "smtp_config";
    public static final String DESTINATION = "destination";
    public static final String TEMPLATE = "template";
    public static final String TOPIC = "topic";
    public static final String SUBSCRIPTION = "subscription";

    private static final List<EnEntityType> ALL = List.of(
            new EnIntegrationType(),
            new EnSourceType(),
            new EnSmtpConfigType(),
            new EnDestinationType(),
            new EnTemplateType(),
            new EnTopicType(),
            new EnSubscriptionType());

    private EnEntityTypes() {}

    /** Every type, in restore order. */
    public static List<EntityType> all() {
        return List.copyOf(ALL);
    }

    /**
     * The named types (for {@code sync.entities}; null or empty means all) plus, since ids can only
     * be remapped to entities that are synced too, every type they reference, in restore order.
     *
     * @throws IllegalArgumentException naming the unknown types and the known ones
     */
    public static List<EntityType> select(Set<String> names) {
        if (names == null || names.isEmpty()) {
            return all();
        }
        Set<String> known = ALL.stream().map(EntityType::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown entity types " + unknown + "; known are " + known);
        }
        Set<String> wanted = new HashSet<>(names);
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            for (String dependency : byName(todo.pop()).dependsOn()) {
                if (wanted.add(dependency)) {
                    todo.push(dependency);
                }
            }
        }
        return ALL.stream()
                .filter(t -> wanted.contains(t.name()))
                .map(EntityType.class::cast)
                .toList();
    }

    /** The API collection behind a type of this package. */
    static EnKind kind(EntityType type) {
        return byName(type.name()).kind();
    }

    private static EnEntityType byName(String name) {
        return ALL.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an Event Notifications entity type: " + name));
    }
}
