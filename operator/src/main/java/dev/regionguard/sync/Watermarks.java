package dev.regionguard.sync;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Watermarks of one target, keyed by type name and entity key. Thread-safe; in memory only. */
public final class Watermarks {
    private final ConcurrentHashMap<String, Watermark> byEntity = new ConcurrentHashMap<>();

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

    public int size() {
        return byEntity.size();
    }

    private static String id(String typeName, String key) {
        return typeName + '\u0000' + key;
    }
}
