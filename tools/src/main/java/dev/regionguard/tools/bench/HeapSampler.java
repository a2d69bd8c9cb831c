package dev.regionguard.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JVM's heap, sampled every 100 ms: the most in use at once (never above -Xmx, garbage included)
 * and the most left after a collection (what the process really holds). Summing each pool's own peak
 * would add peaks of different moments and overstate both.
 */
final class HeapSampler implements AutoCloseable {
    private final AtomicLong maxUsed = new AtomicLong();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    HeapSampler() {
        timer.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        maxUsed.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        long afterGc = 0;
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage usage = pool.getCollectionUsage();
            afterGc += usage == null ? 0 : usage.getUsed();
        }
        maxAfterGc.accumulateAndGet(afterGc, Math::max);
    }

    long maxUsedMb() {
        return maxUsed.get() / (1024 * 1024);
    }

    long maxAfterGcMb() {
        return maxAfterGc.get() / (1024 * 1024);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
