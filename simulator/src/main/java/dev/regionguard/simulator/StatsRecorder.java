package dev.regionguard.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread-safe counters behind one {@link CallStats}. A recorder with a parent counts each call in
 * the parent too, so a region's total follows its per-API recorders.
 */
final class StatsRecorder {

    private final StatsRecorder parent;
    private final LongAdder calls = new LongAdder();
    private final LongAdder listCalls = new LongAdder();
    private final LongAdder entityReads = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> byStatus = new ConcurrentHashMap<>();

    StatsRecorder() {
        this(null);
    }

    StatsRecorder(StatsRecorder parent) {
        this.parent = parent;
    }

    void record(CallKind kind, String status) {
        calls.increment();
        switch (kind) {
            case LIST -> listCalls.increment();
            case ENTITY_READ -> entityReads.increment();
            case WRITE -> writes.increment();
            case OTHER -> {}
        }
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (parent != null) {
            parent.record(kind, status);
        }
    }

    void record(CallKind kind, int status) {
        record(kind, String.valueOf(status));
    }

    CallStats snapshot() {
        Map<String, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
        return new CallStats(calls.sum(), listCalls.sum(), entityReads.sum(), writes.sum(), statuses);
    }

    /** Resets this recorder only, not its parent. */
    void reset() {
        calls.reset();
        listCalls.reset();
        entityReads.reset();
        writes.reset();
        byStatus.clear();
    }
}
