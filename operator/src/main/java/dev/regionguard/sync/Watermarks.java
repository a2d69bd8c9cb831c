package dev.regionguard.sync;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watermarks of one target, keyed by type name and entity key. Thread-safe; kept across restarts
 * through {@link DurableWatermarks}, which stores material digests keyed with this target's salt.
 */
public final class Watermarks {
    private final ConcurrentHashMap<String, Watermark> byEntity = new ConcurrentHashMap<>();
    /** Per type, source id to target id as the last pass left it. */
    private final ConcurrentHashMap<String, Map<String, String>> translations = new ConcurrentHashMap<>();

    private final DeletionMemory deletions = new DeletionMemory();
    /** Keys the stored digests of material, so that a short secret cannot be found from its digest. */
    private volatile byte[] salt = DurableWatermarks.newSalt();
    /** Hash of the encoding last saved or restored: nothing is written while it stays the same. */
    private volatile String saved;

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

    /**
     * Whether the material digest remembered (as computed, or keyed when restored) is that of the
     * material now; no material on both sides is the same too.
     */
    boolean sameMaterial(String remembered, String digest) {
        return Objects.equals(remembered, digest)
                || (remembered != null && digest != null && remembered.equals(sealed(digest)));
    }

    String sealed(String digest) {
        return DurableWatermarks.seal(salt, digest);
    }

    byte[] salt() {
        return salt.clone();
    }

    void restore(byte[] restoredSalt, String encodingHash) {
        salt = restoredSalt.clone();
        saved = encodingHash;
    }

    /** True when the encoding differs from the one last saved or restored. */
    boolean changedSinceSaved(String encodingHash) {
        return !encodingHash.equals(saved);
    }

    void saved(String encodingHash) {
        saved = encodingHash;
    }

    /** Every watermark by type name and key, for the durable form. */
    Map<String, Map<String, Watermark>> byType() {
        Map<String, Map<String, Watermark>> result = new TreeMap<>();
        byEntity.forEach((id, w) -> {
            int cut = id.indexOf('\u0000');
            result.computeIfAbsent(id.substring(0, cut), t -> new TreeMap<>()).put(id.substring(cut + 1), w);
        });
        return result;
    }

    Map<String, Map<String, String>> translations() {
        return new TreeMap<>(translations);
    }

    public int size() {
        return byEntity.size();
    }

    private static String id(String typeName, String key) {
        return typeName + '\u0000' + key;
    }
}
