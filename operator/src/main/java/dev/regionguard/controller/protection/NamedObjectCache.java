package dev.regionguard.controller.protection;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Objects read one by one by namespace and name (a GET each, never a list or a watch), each kept for
 * a while so that the passes of many protections naming the same object cost one read per period. A
 * change is seen at the first read after its entry expired; a missing object is asked again sooner,
 * since it is usually about to be created. When a read fails, the last value known is used if there
 * is one.
 */
final class NamedObjectCache<T> {
    private static final long FORGET_AFTER_PERIODS = 3;

    private record Key(String namespace, String name) {}

    private record Entry<T>(Optional<T> value, long readAt) {}

    private final BiFunction<String, String, T> read;
    private final long presentNanos;
    private final long missingNanos;
    private final LongSupplier nanoTime;
    private final Map<Key, Entry<T>> entries = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    /** {@code read} answers the object or null when it does not exist. */
    NamedObjectCache(BiFunction<String, String, T> read, Duration present, Duration missing, LongSupplier nanoTime) {
        this.read = read;
        this.presentNanos = present.toNanos();
        this.missingNanos = missing.toNanos();
        this.nanoTime = nanoTime;
        this.lastSweep = nanoTime.getAsLong();
    }

    Optional<T> get(String namespace, String name) {
        Key key = new Key(namespace, name);
        long now = nanoTime.getAsLong();
        Entry<T> known = entries.get(key);
        if (known != null && now - known.readAt() < (known.value().isPresent() ? presentNanos : missingNanos)) {
            return known.value();
        }
        T fresh;
        try {
            fresh = read.apply(namespace, name);
        } catch (RuntimeException e) {
            if (known != null) {
                return known.value(); // the API is unreachable: what was last read still holds
            }
            throw e;
        }
        Entry<T> entry = new Entry<>(Optional.ofNullable(fresh), now);
        entries.put(key, entry);
        sweep(now);
        return entry.value();
    }

    /** Objects no pass read for a few periods (a deleted protection's) leave the cache, values and all. */
    private void sweep(long now) {
        if (now - lastSweep < presentNanos) {
            return;
        }
        lastSweep = now;
        entries.values().removeIf(e -> now - e.readAt() > FORGET_AFTER_PERIODS * presentNanos);
    }
}
