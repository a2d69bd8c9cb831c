package dev.regionguard.sync;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Watermarks of one target, keyed by type name and entity key. Thread-safe; in memory only. */
public final class Watermarks {
    private final ConcurrentHashMap<String, Watermark> byEntity = new ConcurrentHashMap<>();
    /** Per type, source id to target id as the last pass left it. */
    private final ConcurrentHashMap<String, Map<String, String>> translations = new ConcurrentHashMap<>();

    private final DeletionMemory deletions = new DeletionMemory();

    public Optional<Watermark> get(String typeName, String key) {
        return Optional.ofNullable(byEntity.get(id(typeName, key)));
    }

    public void put(String typeName, String key, Watermark watermark) {
        byEntity.put(id(typeName, key), watermark);
    }

    public void remove(String typeName, String key) {
        byEntity.remove(id(typeName, key));
    }

    /** Forget entities of a type that no longer exist on the source. */
    public void retain(String typeName, Set<String> keys) {
        String prefix = typeName + '\u0000';
        byEntity.keySet().removeIf(k -> k.startsWith(prefix) && !keys.contains(k.substring(prefix.length())));
    }

    /**
     * Whether a source id known at the end of the last pass now translates to another target id
     * (an empty id meaning none). Source ids new or gone are not a change: their dependents changed
     * on the source too. False when nothing is remembered: a first pass compares everything.
     */
    boolean translationChanged(String typeName, Map<String, String> now) {
        Map<String, String> before = translations.getOrDefault(typeName, Map.of());
        return now.entrySet().stream()
                .anyMatch(e -> before.containsKey(e.getKey())
                        && !before.get(e.getKey()).equals(e.getValue()));
    }

    void rememberTranslation(String typeName, Map<String, String> now) {
        translations.put(typeName, Map.copyOf(now));
    }

    DeletionMemory deletions() {
        return deletions;
    }

    public int size() {
        return byEntity.size();
    }

    private static String id(String typeName, String key) {
        return typeName + '\u0000' + key;
    }
}
