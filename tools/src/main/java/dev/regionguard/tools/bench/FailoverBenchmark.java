package dev.regionguard.tools.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.regionguard.api.AppHealthRef;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.api.QuorumSpec;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.codeengine.CeKind;
import dev.regionguard.codeengine.CodeEngineClient;
import dev.regionguard.codeengine.HttpCodeEngineClients;
import dev.regionguard.embedded.EmbeddedKubernetes;
import dev.regionguard.operator.OperatorConfig;
import dev.regionguard.operator.RegionGuardOperator;
import dev.regionguard.operator.WitnessOperator;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.simulator.IbmCloudSimulator;
import dev.regionguard.simulator.SeedManifest;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Failover figures: how long from the start of a regional outage until the standby is the active
 * region (real operator, simulator, embedded Kubernetes API), and how many false failovers random
 * probe loss causes ({@link ProbeNoiseBenchmark}).
 */
public final class FailoverBenchmark {
    static final String PRIMARY = "us-south";
    static final String STANDBY = "us-east";
    static final String NAMESPACE = "default";
    static final String NAME = "bench-failover";
    private static final List<String> WITNESSES = List.of("witness-a", "witness-b");
    /** Outages per EN figure: one outage's timing depends on where in the probe interval it starts. */
    static final int OUTAGES = 3;

    private FailoverBenchmark() {}

    /** Keys: failover.en, failover.quorum, failover.ce, failover.ce_edge, failover.noise, failover.partition. */
    public static Map<String, Map<String, Object>> run() {
        Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
        List<Map<String, Object>> singles = new ArrayList<>();
        List<Map<String, Object>> quorums = new ArrayList<>();
        for (int i = 0; i < OUTAGES; i++) { // alternated: a slow moment of the machine falls on both alike
            singles.add(enOutageToActive(List.of()));
            quorums.add(enOutageToActive(WITNESSES));
        }
        Map<String, Object> single = median(singles);
        figures.put("failover.en", single);
        Map<String, Object> quorum = median(quorums);
        long extra = (long) quorum.get("outage_to_active_ms") - (long) single.get("outage_to_active_ms");
        quorum.put("single_vantage_ms", single.get("outage_to_active_ms"));
        quorum.put("extra_ms", extra);
        quorum.put("target_extra_ms", 3_000);
        figures.put("failover.quorum", quorum);
        figures.put("failover.ce", ceOutageToActive(20));
        figures.put("failover.ce_edge", EdgeBenchmark.outageToTraffic());
        figures.put("failover.noise", ProbeNoiseBenchmark.noise(1000, 0.10, 42L));
        figures.put("failover.partition", PartitionBenchmark.partitions(1000, 42L));
        return figures;
    }

    /** The outage whose outage_to_active_ms is the median, with every outage's figure beside it. */
    static Map<String, Object> median(List<Map<String, Object>> outages) {
        List<Map<String, Object>> sorted = outages.stream()
                .sorted(Comparator.comparingLong(o -> (long) o.get("outage_to_active_ms")))
                .toList();
        Map<String, Object> median = new LinkedHashMap<>(sorted.get(sorted.size() / 2));
        median.put("outages", outages.size());
        median.put(
                "samples_ms",
                outages.stream()
                        .map(o -> String.valueOf(o.get("outage_to_active_ms")))
                        .collect(Collectors.joining("/")));
        return median;
    }

    /**
     * EN: 5 s probes, failureThreshold 3, Automatic; outage start to status.activeRegion switched. With
     * witnesses, each runs as its own {@link WitnessOperator} with its own API key, and the protection
     * needs two of the three vantage points to agree.
     */
    static Map<String, Object> enOutageToActive(List<String> witnesses) {
        try (IbmCloudSimulator sim = IbmCloudSimulator.builder()
                        .regions(PRIMARY, STANDBY)
                        .build()
                        .start();
                EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES)) {
            String primaryId = sim.createEventNotificationsInstance(PRIMARY);
            String standbyId = sim.createEventNotificationsInstance(STANDBY);
            SeedManifest manifest = sim.seedEventNotifications(PRIMARY, primaryId, 40, 7L);
            Endpoints endpoints =
                    new Endpoints(sim.iamUrl(), sim.eventNotificationsTemplate(), sim.codeEngineTemplate());
            KubernetesClient k8s = kubernetes.client();
            List<WitnessOperator> started = new ArrayList<>();
            try (RegionGuardOperator operator =
                    RegionGuardOperator.start(k8s, OperatorConfig.local(endpoints), Clock.systemUTC(), true)) {
                for (String witness : witnesses) {
                    started.add(WitnessOperator.start(
                            k8s,
                            OperatorConfig.local(endpoints),
                            new WitnessOperator.WitnessConfig(witness, new ApiKey(witness + "-key")),
                            Clock.systemUTC(),
                            true));
                }
                EventNotificationsProtection protection =
                        BenchProtections.eventNotifications(k8s, manifest, primaryId, standbyId);
                if (!witnesses.isEmpty()) {
                    protection.getSpec().failover.quorum = new QuorumSpec();
                    protection.getSpec().failover.quorum.witnesses = witnesses;
                }
                k8s.resource(protection).create();
                Switch timed = timeSwitch(
                        sim,
                        k8s,
                        EventNotificationsProtection.class,
                        Duration.ofSeconds(90),
                        s -> !s.standbys.isEmpty()
                                && s.standbys.get(0).lastSuccessfulSyncTime != null
                                && (witnesses.isEmpty()
                                        || s.vantagePoints.stream()
                                                        .filter(v -> v.fresh)
                                                        .count()
                                                == witnesses.size() + 1),
                        Duration.ofSeconds(60));
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("outage_to_active_ms", timed.outageToActiveMs());
                figures.put("health_interval_s", 5);
                figures.put("failure_threshold", 3);
                figures.put("epoch", timed.after().epoch);
                figures.put(
                        "failover_duration_s", timed.finished().failoverHistory.get(0).durationSeconds);
                figures.put("vantage_points", witnesses.size() + 1);
                figures.put("target_ms", 17_000);
                return figures;
            } finally {
                started.forEach(WitnessOperator::close);
            }
        }
    }

    /** CE: a project with {@code apps} apps, all probed; 5 s probes, failureThreshold 3, Automatic, cold standby. */
    static Map<String, Object> ceOutageToActive(int apps) {
        try (IbmCloudSimulator sim = IbmCloudSimulator.builder()
                        .regions(PRIMARY, STANDBY)
                        .build()
                        .start();
                EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES)) {
            sim.setCodeEngineTimings(Duration.ofMillis(100), Duration.ofMillis(100));
            String primaryId = sim.createCodeEngineProject(PRIMARY);
            String standbyId = sim.createCodeEngineProject(STANDBY);
            Endpoints endpoints =
                    new Endpoints(sim.iamUrl(), sim.eventNotificationsTemplate(), sim.codeEngineTemplate());
            CodeEngineClient primary = new HttpCodeEngineClients(
                            endpoints,
                            IbmHttp.create(endpoints, HttpSettings.defaults(), CallObserver.NONE),
                            Duration.ofMillis(50))
                    .forProject(PRIMARY, primaryId, new ApiKey("bench-api-key"));
            List<AppHealthRef> probed = seedApps(primary, apps);
            KubernetesClient k8s = kubernetes.client();
            try (RegionGuardOperator operator =
                    RegionGuardOperator.start(k8s, OperatorConfig.local(endpoints), Clock.systemUTC(), true)) {
                k8s.resource(BenchProtections.codeEngine(k8s, primaryId, standbyId, probed))
                        .create();
                Switch timed = timeSwitch(
                        sim,
                        k8s,
                        CodeEngineProtection.class,
                        Duration.ofSeconds(120),
                        s -> !s.standbys.isEmpty() && Boolean.TRUE.equals(s.standbys.get(0).inSync),
                        Duration.ofSeconds(120));
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("outage_to_active_ms", timed.outageToActiveMs());
                figures.put("apps", apps);
                figures.put("health_interval_s", 5);
                figures.put("failure_threshold", 3);
                figures.put("epoch", timed.after().epoch);
                figures.put(
                        "failover_duration_s", timed.finished().failoverHistory.get(0).durationSeconds);
                figures.put("target_ms", 25_000);
                return figures;
            }
        }
    }

    /** The status when the standby became active, and when the failover was recorded as finished. */
    private record Switch(long outageToActiveMs, ProtectionStatus after, ProtectionStatus finished) {}

    /**
     * Waits until both regions are Healthy and the standby {@code synced}, takes the primary down and
     * times the switch of status.activeRegion to the standby (at most 60 s).
     */
    private static <P extends CustomResource<?, ? extends ProtectionStatus>> Switch timeSwitch(
            IbmCloudSimulator sim,
            KubernetesClient k8s,
            Class<P> kind,
            Duration readyWithin,
            Predicate<ProtectionStatus> synced,
            Duration finishedWithin) {
        await(
                k8s,
                kind,
                readyWithin,
                s -> s.regions.size() == 2
                        && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy)
                        && synced.test(s));
        long start = System.nanoTime();
        sim.faults(PRIMARY).down(DownMode.UNAVAILABLE);
        ProtectionStatus after = await(k8s, kind, Duration.ofSeconds(60), s -> STANDBY.equals(s.activeRegion));
        long outageToActive = (System.nanoTime() - start) / 1_000_000;
        ProtectionStatus finished =
                await(k8s, kind, finishedWithin, s -> s.failover == null && !s.failoverHistory.isEmpty());
        return new Switch(outageToActive, after, finished);
    }

    private static List<AppHealthRef> seedApps(CodeEngineClient primary, int apps) {
        List<AppHealthRef> probed = new ArrayList<>();
        for (int i = 1; i <= apps; i++) {
            String name = String.format(Locale.ROOT, "app-%02d", i);
            primary.create(
                    CeKind.APP,
                    JsonNodeFactory.instance
                            .objectNode()
                            .put("name", name)
                            .put("image_reference", "icr.io/codeengine/helloworld")
                            .put("scale_min_instances", 1));
            probed.add(new AppHealthRef(name, "/healthz"));
        }
        return probed;
    }

    private static <P extends CustomResource<?, ? extends ProtectionStatus>> ProtectionStatus await(
            KubernetesClient k8s, Class<P> kind, Duration timeout, Predicate<ProtectionStatus> done) {
        ProtectionStatus[] seen = new ProtectionStatus[1];
        BenchWait.until("such a status of " + NAME, timeout, Duration.ofMillis(25), () -> {
            P protection =
                    k8s.resources(kind).inNamespace(NAMESPACE).withName(NAME).get();
            seen[0] = protection == null ? null : protection.getStatus();
            return seen[0] != null && done.test(seen[0]);
        });
        return seen[0];
    }
}
