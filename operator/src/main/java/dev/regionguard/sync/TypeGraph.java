package dev.regionguard.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The types of a request in restore order, and who depends on whom. */
final class TypeGraph {
    private final List<EntityType> types;
    private final Map<String, Integer> order = new HashMap<>();

    TypeGraph(List<EntityType> types) {
        this.types = List.copyOf(types);
        for (int i = 0; i < types.size(); i++) {
            if (order.put(types.get(i).name(), i) != null) {
                throw new IllegalArgumentException("type " + types.get(i).name() + " appears twice");
            }
        }
    }

    List<EntityType> types() {
        return types;
    }

    /** Deletion order: dependents before what they reference. */
    List<EntityType> typesReversed() {
        List<EntityType> reversed = new ArrayList<>(types);
        Collections.reverse(reversed);
        return reversed;
    }

    /** Restore position; unknown names sort last. */
    int order(String typeName) {
        return order.getOrDefault(typeName, Integer.MAX_VALUE);
    }

    Comparator<String> byOrder() {
        return Comparator.comparingInt(this::order);
    }

    /** Types that reference {@code typeName} directly. */
    Set<String> dependents(String typeName) {
        Set<String> result = new LinkedHashSet<>();
        for (EntityType t : types) {
            if (t.dependsOn().contains(typeName)) {
                result.add(t.name());
            }
        }
        return result;
    }

    /** The given types and everything that depends on them, directly or not. */
    Set<String> withDependents(Set<String> typeNames) {
        Set<String> result = new LinkedHashSet<>(typeNames);
        Deque<String> todo = new ArrayDeque<>(typeNames);
        while (!todo.isEmpty()) {
            for (String dependent : dependents(todo.pop())) {
                if (result.add(dependent)) {
                    todo.push(dependent);
                }
            }
        }
        return result;
    }
}
