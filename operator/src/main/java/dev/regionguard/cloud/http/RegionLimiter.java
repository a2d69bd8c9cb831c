package dev.regionguard.cloud.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Caps in-flight calls per region, so a burst of reconciles for one region cannot flood its API
 * (and earn 429s) or starve calls to the other regions.
 */
final class RegionLimiter {
    private final int permitsPerRegion;
    private final Map<String, Semaphore> regions = new ConcurrentHashMap<>();

    RegionLimiter(int permitsPerRegion) {
        this.permitsPerRegion = permitsPerRegion;
    }

    /** Blocks until the region has a free slot; release it with {@link Permit#close()}. */
    Permit acquire(String region) throws InterruptedException {
        Semaphore semaphore = regions.computeIfAbsent(region, r -> new Semaphore(permitsPerRegion, true));
        semaphore.acquire();
        return semaphore::release;
    }

    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
