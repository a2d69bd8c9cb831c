package dev.regionguard.spec;

import dev.regionguard.sync.EntityType;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Picks entity types of a service by name, in the service's restore order: one rule for the spec and the services. */
public final class EntitySelection {
    private EntitySelection() {}

    /**
     * The named types (null or empty means all that are synced by default) plus, since IDs can only be remapped to entities
     * that are synced too, every type they reference.
     *
     * @throws IllegalArgumentException naming the unknown types and the known ones
     */
    public static List<EntityType> withReferences(List<EntityType> all, Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return all.stream().filter(EntityType::syncedByDefault).toList();
        }
        Set<String> wanted =
                new TreeSet<>(named(all, names).stream().map(EntityType::name).toList());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (EntityType t : all) {
                if (wanted.contains(t.name())) {
                    grew |= wanted.addAll(t.dependsOn());
                }
            }
        }
        return named(all, wanted);
    }

    /**
     * Exactly the named types.
     *
     * @throws IllegalArgumentException naming the unknown types and the known ones
     */
    public static List<EntityType> named(List<EntityType> all, Collection<String> names) {
        Set<String> known = all.stream().map(EntityType::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unknown =
                names.stream().filter(n -> !known.contains(n)).collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown entity types " + unknown + "; known are " + known);
        }
        return all.stream().filter(t -> names.contains(t.name())).toList();
    }
}
