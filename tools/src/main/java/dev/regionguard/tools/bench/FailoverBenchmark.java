package dev.regionguard.tools.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.regionguard.api.AppHealthRef;
import dev.regionguard.api.CeProjectRef;
import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.api.DestinationSecretRef;
import dev.regionguard.api.EnInstanceRef;
import dev.regionguard.api.EnStandby;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.api.TemplateBodyRef;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.codeengine.CeKind;
import dev.regionguard.codeengine.CodeEngineClient;
import dev.regionguard.codeengine.HttpCodeEngineClients;
import dev.regionguard.embedded.EmbeddedKubernetes;
import dev.regionguard.failover.AutomaticFailoverPolicy;
import dev.regionguard.failover.StandbyReadiness;
import dev.regionguard.health.ProbeOutcome;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.operator.OperatorConfig;
import dev.regionguard.operator.RegionGuardOperator;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.simulator.IbmCloudSimulator;
import dev.regionguard.simulator.SeedManifest;
import dev.regionguard.spec.FailoverSettings;
import dev.regionguard.spec.HealthCheckSettings;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Failover figures: how long from the start of a regional outage until the standby is the active
 * region (real operator, simulator, embedded Kubernetes API), and how many false failovers random
 * probe loss causes over a long simulated run (pure decisions, injected clock, seeded random).
 */
public final class FailoverBenchmark {
    private static final int ATTEMPTS = HealthCheckSettings.ATTEMPTS_PER_PROBE;
    private static final String PRIMARY = "us-south";
    private static final String STANDBY = "us-east";
    private static final String NAMESPACE = "default";
    private static final String NAME = "bench-failover";

    private FailoverBenchmark() {}

    /** Keys: failover.en, failover.ce, failover.noise. */
    public static Map<String, Map<String, Object>> run() {
        Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
        figures.put("failover.en", enOutageToActive());
        figures.put("failover.ce", ceOutageToActive(20));
        figures.put("failover.noise", noise(1000, 0.10, 42L));
        return figures;
    }

    /** EN: 5 s probes, failureThreshold 3, Automatic; outage start to status.activeRegion switched. */
    static Map<String, Object> enOutageToActive() {
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
            try (RegionGuardOperator operator =
                    RegionGuardOperator.start(k8s, OperatorConfig.local(endpoints), Clock.systemUTC(), true)) {
                k8s.resource(protection(k8s, manifest, primaryId, standbyId)).create();
                await(
                        k8s,
                        Duration.ofSeconds(90),
                        s -> s.regions.size() == 2
                                && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy)
                                && !s.standbys.isEmpty()
                                && s.standbys.get(0).lastSuccessfulSyncTime != null);
                long start = System.nanoTime();
                sim.faults(PRIMARY).down(DownMode.UNAVAILABLE);
                ProtectionStatus after = await(k8s, Duration.ofSeconds(60), s -> STANDBY.equals(s.activeRegion));
                long outageToActive = (System.nanoTime() - start) / 1_000_000;
                ProtectionStatus finished =
                        await(k8s, Duration.ofSeconds(60), s -> s.failover == null && !s.failoverHistory.isEmpty());
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("outage_to_active_ms", outageToActive);
                figures.put("health_interval_s", 5);
                figures.put("failure_threshold", 3);
                figures.put("epoch", after.epoch);
                figures.put("failover_duration_s", finished.failoverHistory.get(0).durationSeconds);
                figures.put("target_ms", 17_000);
                return figures;
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
            KubernetesClient k8s = kubernetes.client();
            try (RegionGuardOperator operator =
                    RegionGuardOperator.start(k8s, OperatorConfig.local(endpoints), Clock.systemUTC(), true)) {
                k8s.secrets()
                        .inNamespace(NAMESPACE)
                        .resource(new SecretBuilder()
                                .withNewMetadata()
                                .withName(NAME + "-ce-apikey")
                                .endMetadata()
                                .withStringData(Map.of("apikey", "bench-api-key"))
                                .build())
                        .create();
                CodeEngineProtectionSpec spec = new CodeEngineProtectionSpec();
                spec.primary = new CeProjectRef(PRIMARY, primaryId);
                spec.standbys = List.of(new CeStandby(STANDBY, standbyId));
                spec.credentialsSecretRef = new SecretKeyRef(NAME + "-ce-apikey", "apikey");
                spec.standbyMode = CodeEngineStandbyMode.Cold;
                spec.apps = probed;
                spec.sync.interval = "30s";
                spec.healthCheck.interval = "5s";
                spec.healthCheck.timeout = "2s";
                spec.healthCheck.failureThreshold = 3;
                spec.failover.mode = FailoverMode.Automatic;
                CodeEngineProtection cep = new CodeEngineProtection();
                cep.setMetadata(new ObjectMetaBuilder()
                        .withName(NAME)
                        .withNamespace(NAMESPACE)
                        .build());
                cep.setSpec(spec);
                k8s.resource(cep).create();
                await(
                        k8s,
                        CodeEngineProtection.class,
                        Duration.ofSeconds(120),
                        s -> s.regions.size() == 2
                                && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy)
                                && !s.standbys.isEmpty()
                                && Boolean.TRUE.equals(s.standbys.get(0).inSync));
                long start = System.nanoTime();
                sim.faults(PRIMARY).down(DownMode.UNAVAILABLE);
                ProtectionStatus after = await(
                        k8s, CodeEngineProtection.class, Duration.ofSeconds(60), s -> STANDBY.equals(s.activeRegion));
                long outageToActive = (System.nanoTime() - start) / 1_000_000;
                ProtectionStatus finished = await(
                        k8s,
                        CodeEngineProtection.class,
                        Duration.ofSeconds(120),
                        s -> s.failover == null && !s.failoverHistory.isEmpty());
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("outage_to_active_ms", outageToActive);
                figures.put("apps", apps);
                figures.put("health_interval_s", 5);
                figures.put("failure_threshold", 3);
                figures.put("epoch", after.epoch);
                figures.put("failover_duration_s", finished.failoverHistory.get(0).durationSeconds);
                figures.put("target_ms", 25_000);
                return figures;
            }
        }
    }

    private static EventNotificationsProtection protection(
            KubernetesClient k8s, SeedManifest manifest, String primaryId, String standbyId) {
        k8s.secrets()
                .inNamespace(NAMESPACE)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(NAME + "-apikey")
                        .endMetadata()
                        .withStringData(Map.of("apikey", "bench-api-key"))
                        .build())
                .create();
        EventNotificationsProtectionSpec spec = new EventNotificationsProtectionSpec();
        spec.primary = new EnInstanceRef(PRIMARY, primaryId);
        spec.standbys = List.of(new EnStandby(STANDBY, standbyId));
        spec.credentialsSecretRef = new SecretKeyRef(NAME + "-apikey", "apikey");
        spec.sync.interval = "30s";
        spec.healthCheck.interval = "5s";
        spec.healthCheck.timeout = "2s";
        spec.healthCheck.failureThreshold = 3;
        spec.failover.mode = FailoverMode.Automatic;
        spec.failover.endpointConfigMap = NAME + "-endpoint";
        manifest.destinationSecrets()
                .forEach((destination, values) -> k8s.secrets()
                        .inNamespace(NAMESPACE)
                        .resource(new SecretBuilder()
                                .withNewMetadata()
                                .withName(secretName(destination))
                                .endMetadata()
                                .withStringData(values)
                                .build())
                        .create());
        spec.destinationSecrets = manifest.destinationSecrets().keySet().stream()
                .sorted()
                .map(d -> new DestinationSecretRef(d, secretName(d)))
                .toList();
        Map<String, String> bodies = new HashMap<>();
        manifest.templateBodies().forEach((template, body) -> {
            bodies.put(template + ".body", body.body());
            if (body.subject() != null) {
                bodies.put(template + ".subject", body.subject());
            }
        });
        k8s.configMaps()
                .inNamespace(NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(NAME + "-templates")
                        .endMetadata()
                        .withData(bodies)
                        .build())
                .create();
        spec.templateBodies = manifest.templateBodies().keySet().stream()
                .sorted()
                .map(t -> {
                    TemplateBodyRef ref = new TemplateBodyRef();
                    ref.template = t;
                    ref.configMapName = NAME + "-templates";
                    ref.bodyKey = t + ".body";
                    ref.subjectKey = t + ".subject";
                    return ref;
                })
                .toList();
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(
                new ObjectMetaBuilder().withName(NAME).withNamespace(NAMESPACE).build());
        enp.setSpec(spec);
        return enp;
    }

    private static String secretName(String destination) {
        return (NAME + "-" + destination).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private static ProtectionStatus await(KubernetesClient k8s, Duration timeout, Predicate<ProtectionStatus> done) {
        return await(k8s, EventNotificationsProtection.class, timeout, done);
    }

    private static <P extends CustomResource<?, ? extends ProtectionStatus>> ProtectionStatus await(
            KubernetesClient k8s, Class<P> kind, Duration timeout, Predicate<ProtectionStatus> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            P protection =
                    k8s.resources(kind).inNamespace(NAMESPACE).withName(NAME).get();
            if (protection != null && protection.getStatus() != null && done.test(protection.getStatus())) {
                return protection.getStatus();
            }
            try {
                Thread.sleep(25); // a poll loop in a benchmark, not a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("benchmark: no such status of " + NAME + " within " + timeout);
    }

    /**
     * A healthy active region probed every 10 s for {@code hours}, each request lost (no answer) with
     * probability {@code loss}; a probe fails only when all its attempts are lost, as the operator's
     * probes do (RegionProbes.ATTEMPTS). Every automatic failover decision is a false one. Also
     * reported for single-attempt probes and higher thresholds, so the trade-off is visible.
     */
    static Map<String, Object> noise(int hours, double loss, long seed) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("simulated_hours", hours);
        figures.put("probe_interval_s", 10);
        figures.put("probe_loss", loss);
        figures.put("attempts_per_probe", ATTEMPTS);
        figures.put("false_failovers", falseFailovers(hours, loss, seed, 3, ATTEMPTS));
        figures.put("false_failovers_single_attempt", falseFailovers(hours, loss, seed, 3, 1));
        for (int threshold = 4; threshold <= 6; threshold++) {
            figures.put(
                    "false_failovers_single_attempt_threshold_" + threshold,
                    falseFailovers(hours, loss, seed, threshold, 1));
        }
        return figures;
    }

    static long falseFailovers(int hours, double loss, long seed, int failureThreshold, int attempts) {
        HealthCheckSettings health =
                new HealthCheckSettings(Duration.ofSeconds(10), Duration.ofSeconds(5), failureThreshold, 2);
        AutomaticFailoverPolicy policy = new AutomaticFailoverPolicy(
                new FailoverSettings(FailoverMode.Automatic, Duration.ofMinutes(30), null), health);
        List<StandbyReadiness> ready = List.of(new StandbyReadiness(STANDBY, true, "in sync", Instant.EPOCH, false));
        Random random = new Random(seed);
        Instant now = Instant.EPOCH;
        RegionHealth active = RegionHealth.unknown(now);
        Instant lastFailover = null;
        long decisions = 0;
        long probes = hours * 360L;
        for (long i = 0; i < probes; i++) {
            now = now.plusSeconds(10);
            boolean lost = true;
            for (int a = 0; a < attempts && lost; a++) {
                lost = random.nextDouble() < loss;
            }
            ProbeOutcome outcome =
                    lost ? ProbeOutcome.timedOut(health.timeout()) : new ProbeOutcome.Success(Duration.ofMillis(40));
            active = active.next(outcome, health, now);
            AutomaticFailoverPolicy.Situation situation =
                    new AutomaticFailoverPolicy.Situation(PRIMARY, active, ready, lastFailover, false);
            if (policy.decide(situation, now).isPresent()) {
                decisions++;
                lastFailover = now; // counted, then imagined relocated back: the region never failed
            }
        }
        return decisions;
    }
}
