package dev.regionguard.tools.bench;

import static dev.regionguard.tools.bench.FailoverBenchmark.NAMESPACE;
import static dev.regionguard.tools.bench.FailoverBenchmark.PRIMARY;

import com.sun.management.OperatingSystemMXBean;
import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CommonProtectionSpec;
import dev.regionguard.api.EnStandby;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.embedded.EmbeddedKubernetes;
import dev.regionguard.operator.OperatorConfig;
import dev.regionguard.operator.RegionGuardOperator;
import dev.regionguard.simulator.CallStats;
import dev.regionguard.simulator.IbmCloudSimulator;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Many protections on one operator: {@code protections} (EN and CE alternating), two standbys each,
 * {@code entities} entities each, on the simulator with a fixed latency per call. Times how long the
 * real operator takes until every protection is Ready from empty standbys, then measures a steady
 * window: CPU, IBM calls (by the simulator's own counters) and writes. Heap and threads are the
 * whole JVM's (operator, simulator and embedded API server): an upper bound for the operator.
 */
public final class ScaleBenchmark {
    private static final List<String> STANDBYS = List.of("us-east", "eu-de");
    private static final String SYNC_INTERVAL = "10s";
    private static final String PROBE_INTERVAL = "5s";

    private final int protections;
    private final int entities;
    private final Duration latency;
    private final Duration steady;

    public ScaleBenchmark(int protections, int entities, Duration latency, Duration steady) {
        this.protections = protections;
        this.entities = entities;
        this.latency = latency;
        this.steady = steady;
    }

    /**
     * Runs the scenario and prints its line before anything is closed (with hundreds of kept-alive
     * connections the mock servers may not stop in time: the figures stand). The operator keeps its
     * local defaults (8 calls per region).
     */
    public int run(PrintStream out) {
        IbmCloudSimulator sim = IbmCloudSimulator.builder()
                .regions(PRIMARY, STANDBYS.get(0), STANDBYS.get(1))
                .build()
                .start();
        EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES);
        try (HeapSampler heap = new HeapSampler()) {
            BenchmarkReport.print(out, latency, 8, Map.of("scale", measure(sim, kubernetes.client(), heap)));
            return 0;
        } finally {
            stop(kubernetes);
            stop(sim);
        }
    }

    private Map<String, Object> measure(IbmCloudSimulator sim, KubernetesClient k8s, HeapSampler heap) {
        sim.setCodeEngineTimings(Duration.ofMillis(100), Duration.ofMillis(100));
        List<CustomResource<? extends CommonProtectionSpec, ?>> crs = seed(sim, k8s);
        for (String region : allRegions()) {
            sim.faults(region).latency(latency);
        }
        Endpoints endpoints = new Endpoints(sim.iamUrl(), sim.eventNotificationsTemplate(), sim.codeEngineTemplate());
        OperatorConfig config = OperatorConfig.local(endpoints);
        try (RegionGuardOperator operator = RegionGuardOperator.start(k8s, config, Clock.systemUTC(), true)) {
            sim.resetStats();
            long start = System.nanoTime();
            crs.forEach(cr -> k8s.resource(cr).create());
            awaitAllReady(k8s, Duration.ofMinutes(15));
            long convergeMs = (System.nanoTime() - start) / 1_000_000;
            long busiest = allRegions().stream()
                    .mapToLong(r -> sim.stats(r).calls())
                    .max()
                    .orElse(0);
            Map<String, Object> figures = steadyWindow(sim, convergeMs, heap);
            // no faster than the busiest region's calls through its slots at the simulated latency
            figures.put("converge_bound_ms", busiest * latency.toMillis() / config.maxConcurrentPerRegion());
            figures.put("converge_busiest_region_calls", busiest);
            return figures;
        }
    }

    private static void stop(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("scale benchmark: " + server + " did not stop cleanly: " + e.getMessage());
        }
    }

    /** Primaries seeded, standbys empty, one CR per protection (not created yet). */
    private List<CustomResource<? extends CommonProtectionSpec, ?>> seed(IbmCloudSimulator sim, KubernetesClient k8s) {
        List<CustomResource<? extends CommonProtectionSpec, ?>> crs = new ArrayList<>();
        for (int i = 0; i < protections; i++) {
            String name = String.format(Locale.ROOT, "scale-%03d", i);
            if (i % 2 == 0) {
                String primaryId = sim.createEventNotificationsInstance(PRIMARY);
                var manifest = sim.seedEventNotifications(PRIMARY, primaryId, entities, i);
                List<EnStandby> standbys = STANDBYS.stream()
                        .map(r -> new EnStandby(r, sim.createEventNotificationsInstance(r)))
                        .toList();
                crs.add(shortened(BenchProtections.eventNotifications(k8s, name, manifest, primaryId, standbys)));
            } else {
                String primaryId = sim.createCodeEngineProject(PRIMARY);
                sim.seedCodeEngine(PRIMARY, primaryId, entities, i);
                List<CeStandby> standbys = STANDBYS.stream()
                        .map(r -> new CeStandby(r, sim.createCodeEngineProject(r)))
                        .toList();
                crs.add(shortened(BenchProtections.codeEngine(k8s, name, primaryId, standbys, List.of())));
            }
        }
        return crs;
    }

    /** Intervals short enough that a minute of wall time holds several passes and probes. */
    private static <P extends CustomResource<? extends CommonProtectionSpec, ?>> P shortened(P cr) {
        CommonProtectionSpec spec = cr.getSpec();
        spec.sync.interval = SYNC_INTERVAL;
        spec.healthCheck.interval = PROBE_INTERVAL;
        spec.failover.mode = FailoverMode.Manual;
        return cr;
    }

    private Map<String, Object> steadyWindow(IbmCloudSimulator sim, long convergeMs, HeapSampler heap) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        sim.resetStats();
        long cpuStart = os.getProcessCpuTime();
        OperatorCpu operatorCpu = OperatorCpu.start();
        long start = System.nanoTime();
        BenchWait.pause(steady);
        double minutes = (System.nanoTime() - start) / 60e9;
        long cpuMs = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
        CallStats regions = sumRegions(sim);
        CallStats iam = sim.iamStats();
        long appTraffic = 0;
        for (String region : allRegions()) {
            appTraffic += sim.appTrafficStats(region).calls();
        }
        double perHour = 60 / minutes;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("protections", protections);
        figures.put("entities_each", entities);
        figures.put("converge_ms", convergeMs);
        figures.put("heap_max_mb", heap.maxUsedMb());
        figures.put("heap_after_gc_max_mb", heap.maxAfterGcMb());
        figures.put("threads_max", ManagementFactory.getThreadMXBean().getPeakThreadCount());
        figures.put("cpu_ms_per_min", Math.round(cpuMs / minutes));
        figures.put("operator_threads_cpu_ms_per_min", Math.round(operatorCpu.nanosSinceStart() / 1e6 / minutes));
        figures.put("ibm_calls_per_hour", Math.round((regions.calls() + iam.calls() + appTraffic) * perHour));
        figures.put("writes_steady", regions.writes());
        figures.put("steady_s", Math.round(minutes * 60));
        figures.put("sync_interval", SYNC_INTERVAL);
        figures.put("probe_interval", PROBE_INTERVAL);
        double perProtection = perHour / protections;
        figures.put("per_protection_lists_per_hour", Math.round(regions.listCalls() * perProtection));
        figures.put("per_protection_reads_per_hour", Math.round(regions.entityReads() * perProtection));
        figures.put("per_protection_app_probes_per_hour", Math.round(appTraffic * perProtection));
        figures.put("per_protection_tokens_per_hour", Math.round(iam.calls() * perProtection));
        return figures;
    }

    private static List<String> allRegions() {
        List<String> all = new ArrayList<>(STANDBYS);
        all.add(0, PRIMARY);
        return all;
    }

    private static CallStats sumRegions(IbmCloudSimulator sim) {
        long calls = 0;
        long lists = 0;
        long reads = 0;
        long writes = 0;
        for (String region : allRegions()) {
            CallStats s = sim.stats(region);
            calls += s.calls();
            lists += s.listCalls();
            reads += s.entityReads();
            writes += s.writes();
        }
        return new CallStats(calls, lists, reads, writes, Map.of());
    }

    private void awaitAllReady(KubernetesClient k8s, Duration timeout) {
        BenchWait.until(
                "all " + protections + " protections Ready",
                timeout,
                Duration.ofMillis(500),
                () -> readyCount(k8s) >= protections);
    }

    private static int readyCount(KubernetesClient k8s) {
        int ready = 0;
        for (var p : k8s.resources(EventNotificationsProtection.class)
                .inNamespace(NAMESPACE)
                .list()
                .getItems()) {
            ready += ready(p.getStatus()) ? 1 : 0;
        }
        for (var p : k8s.resources(CodeEngineProtection.class)
                .inNamespace(NAMESPACE)
                .list()
                .getItems()) {
            ready += ready(p.getStatus()) ? 1 : 0;
        }
        return ready;
    }

    private static boolean ready(ProtectionStatus status) {
        return status != null && status.conditions.stream().anyMatch(c -> "Ready".equals(c.type) && c.isTrue());
    }
}
