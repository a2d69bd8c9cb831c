package dev.regionguard.tools.bench;

import static dev.regionguard.tools.bench.FailoverBenchmark.NAMESPACE;
import static dev.regionguard.tools.bench.FailoverBenchmark.PRIMARY;
import static dev.regionguard.tools.bench.FailoverBenchmark.STANDBY;

import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CommonProtectionSpec;
import dev.regionguard.api.Conditions;
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
import dev.regionguard.simulator.SeedManifest;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What an operator restart costs IBM Cloud: the real operator syncs an EN instance and a CE project
 * into empty standbys, passes once more so its sync memory (the ConfigMaps it owns) holds the steady
 * state, and stops; a new operator starts on the same Kubernetes API and simulator with nothing
 * changed, and the simulator counts the calls until each protection has passed once.
 */
public final class RestartBenchmark {
    private static final String EN = "bench-restart-en";
    private static final String CE = "bench-restart-ce";
    private static final Duration SETTLE = Duration.ofMinutes(5);

    private RestartBenchmark() {}

    /** Key restart: writes, entity_reads, list_calls, calls, wall_ms (operator start to both passes done). */
    public static Map<String, Object> measure(int entities, int ceResources, Duration latency) {
        try (IbmCloudSimulator sim = IbmCloudSimulator.builder()
                        .regions(PRIMARY, STANDBY)
                        .build()
                        .start();
                EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES)) {
            KubernetesClient k8s = kubernetes.client();
            sim.setCodeEngineTimings(Duration.ofMillis(100), Duration.ofMillis(100));
            String enPrimary = sim.createEventNotificationsInstance(PRIMARY);
            SeedManifest manifest = sim.seedEventNotifications(PRIMARY, enPrimary, entities, 7L);
            String cePrimary = sim.createCodeEngineProject(PRIMARY);
            int resources =
                    sim.seedCodeEngine(PRIMARY, cePrimary, ceResources, 7L).resourceCount();
            List<CustomResource<? extends CommonProtectionSpec, ?>> crs = List.of(
                    quiet(BenchProtections.eventNotifications(
                            k8s,
                            EN,
                            manifest,
                            enPrimary,
                            List.of(new EnStandby(STANDBY, sim.createEventNotificationsInstance(STANDBY))))),
                    quiet(BenchProtections.codeEngine(
                            k8s,
                            CE,
                            cePrimary,
                            List.of(new CeStandby(STANDBY, sim.createCodeEngineProject(STANDBY))),
                            List.of())));
            for (String region : List.of(PRIMARY, STANDBY)) {
                sim.faults(region).latency(latency);
            }
            Endpoints endpoints =
                    new Endpoints(sim.iamUrl(), sim.eventNotificationsTemplate(), sim.codeEngineTemplate());
            try (RegionGuardOperator first = start(k8s, endpoints)) {
                crs.forEach(cr -> k8s.resource(cr).create());
                awaitPassAfter(
                        k8s, Instant.EPOCH, s -> s.standbys.stream().allMatch(st -> Boolean.TRUE.equals(st.inSync)));
                // one more pass: the record now holds the steady state
                awaitPassAfter(k8s, Instant.now().plusSeconds(1), s -> true);
            }
            // status times are whole seconds: the restart's pass must fall in a later second than the last
            BenchWait.pause(Duration.ofMillis(1100));
            sim.resetStats();
            long start = System.nanoTime();
            Instant restarted = Instant.now();
            try (RegionGuardOperator second = start(k8s, endpoints)) {
                awaitPassAfter(k8s, restarted, s -> true);
                long wallMs = (System.nanoTime() - start) / 1_000_000;
                return figures(sim, wallMs, manifest.entityCount(), resources);
            }
        }
    }

    /** Counted by the simulator since the restart, over both regions. */
    private static Map<String, Object> figures(IbmCloudSimulator sim, long wallMs, int entities, int resources) {
        CallStats primary = sim.stats(PRIMARY);
        CallStats standby = sim.stats(STANDBY);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("writes", primary.writes() + standby.writes());
        figures.put("entity_reads", primary.entityReads() + standby.entityReads());
        figures.put("list_calls", primary.listCalls() + standby.listCalls());
        figures.put("calls", primary.calls() + standby.calls());
        figures.put("en_calls", enCalls(sim));
        figures.put(
                "ce_calls",
                sim.codeEngineStats(PRIMARY).calls()
                        + sim.codeEngineStats(STANDBY).calls());
        figures.put("wall_ms", wallMs);
        figures.put("en_entities", entities);
        figures.put("ce_resources", resources);
        return figures;
    }

    private static long enCalls(IbmCloudSimulator sim) {
        return sim.eventNotificationsStats(PRIMARY).calls()
                + sim.eventNotificationsStats(STANDBY).calls();
    }

    private static RegionGuardOperator start(KubernetesClient k8s, Endpoints endpoints) {
        return RegionGuardOperator.start(k8s, OperatorConfig.local(endpoints), Clock.systemUTC(), true);
    }

    /** Manual failover and a sync interval long enough that one pass is what a restart costs. */
    private static <P extends CustomResource<? extends CommonProtectionSpec, ?>> P quiet(P cr) {
        cr.getSpec().failover.mode = FailoverMode.Manual;
        cr.getSpec().sync.interval = "30s";
        return cr;
    }

    /**
     * Until both protections are Ready with a sync pass recorded at or after {@code after} (status
     * times are whole seconds) that meets {@code also}.
     */
    private static void awaitPassAfter(KubernetesClient k8s, Instant after, Predicate<ProtectionStatus> also) {
        Instant second = after.truncatedTo(ChronoUnit.SECONDS);
        Predicate<ProtectionStatus> passed = s -> s != null
                && Conditions.isTrue(s.conditions, Conditions.READY)
                && s.lastSyncTime != null
                && !Instant.parse(s.lastSyncTime).isBefore(second)
                && also.test(s);
        BenchWait.until(
                "a sync pass of both protections after " + after,
                SETTLE,
                Duration.ofMillis(100),
                () -> passed.test(status(k8s, EventNotificationsProtection.class, EN))
                        && passed.test(status(k8s, CodeEngineProtection.class, CE)));
    }

    private static <P extends CustomResource<?, ? extends ProtectionStatus>> ProtectionStatus status(
            KubernetesClient k8s, Class<P> kind, String name) {
        P cr = k8s.resources(kind).inNamespace(NAMESPACE).withName(name).get();
        return cr == null ? null : cr.getStatus();
    }
}
