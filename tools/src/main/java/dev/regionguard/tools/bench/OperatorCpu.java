package dev.regionguard.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of the operator's own threads in a JVM that also runs the simulator and the API server:
 * its reconcilers, sync and probe pools and its HTTP clients, by thread name. Garbage collection and
 * the JIT serve everyone and are left out, so this is a lower bound for the operator alone.
 */
final class OperatorCpu {
    private static final List<String> OPERATOR_THREADS =
            List.of("regionguard-", "ReconcilerExecutor-", "OkHttp", "JdkHttpClientFactory-");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> atStart;

    private OperatorCpu() {
        this.atStart = snapshot();
    }

    /** Starts counting now. */
    static OperatorCpu start() {
        return new OperatorCpu();
    }

    /** Nanoseconds the operator's threads ran since {@link #start()} (threads that ended meanwhile are lost). */
    long nanosSinceStart() {
        long total = 0;
        for (Map.Entry<Long, Long> now : snapshot().entrySet()) {
            total += now.getValue() - atStart.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }

    private Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && OPERATOR_THREADS.stream().anyMatch(info.getThreadName()::startsWith)) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }
}
