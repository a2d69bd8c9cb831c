package dev.regionguard.tools.bench;

import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.DomainMappingRecord;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.Protections;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.edge.CisClient;
import dev.regionguard.edge.HttpCisClients;
import dev.regionguard.embedded.EmbeddedKubernetes;
import dev.regionguard.health.EdgeConfiguration;
import dev.regionguard.operator.OperatorConfig;
import dev.regionguard.operator.RegionGuardOperator;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.simulator.IbmCloudSimulator;
import dev.regionguard.tools.demo.CisEdge;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Code Engine behind a CIS global load balancer (IBM's multi-region tutorial): from the start of an
 * outage of the primary region to the first request for the custom domain that the standby answers
 * through the edge, and to RegionGuard's automatic failover having steered the edge (standby first).
 */
final class EdgeBenchmark {

    private EdgeBenchmark() {}

    static Map<String, Object> outageToTraffic() {
        try (IbmCloudSimulator sim = IbmCloudSimulator.builder()
                        .regions(FailoverBenchmark.PRIMARY, FailoverBenchmark.STANDBY)
                        .build()
                        .start();
                EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES)) {
            sim.setCodeEngineTimings(Duration.ofMillis(100), Duration.ofMillis(100));
            String primaryId = sim.createCodeEngineProject(FailoverBenchmark.PRIMARY);
            String standbyId = sim.createCodeEngineProject(FailoverBenchmark.STANDBY);
            String domain = sim.seedCodeEngine(FailoverBenchmark.PRIMARY, primaryId, 20, 7L)
                    .domainNames()
                    .get(0);
            Endpoints endpoints = new Endpoints(
                            sim.iamUrl(), sim.eventNotificationsTemplate(), sim.codeEngineTemplate())
                    .withCis(sim.cis().apiUrl());
            KubernetesClient k8s = kubernetes.client();
            try (RegionGuardOperator operator =
                    RegionGuardOperator.start(k8s, OperatorConfig.local(endpoints), Clock.systemUTC(), true)) {
                k8s.resource(BenchProtections.codeEngine(k8s, primaryId, standbyId, List.of()))
                        .create();
                CodeEngineProtectionStatus staged = await(
                        k8s,
                        s -> s.domainMappings.stream()
                                        .filter(d -> domain.equals(d.name) && "ready".equals(d.status))
                                        .count()
                                == 2);
                CisEdge edge = seedEdge(sim, k8s, domain, staged.domainMappings);
                CisClient cis = new HttpCisClients(
                                endpoints, IbmHttp.create(endpoints, HttpSettings.defaults(), CallObserver.NONE))
                        .forInstance(edge.crn(), new ApiKey("bench-api-key"));
                String zone = cis.zoneId(CisEdge.ZONE).orElseThrow();
                await(
                        k8s,
                        s -> Conditions.isTrue(s.conditions, Conditions.EDGE_CONFIGURED)
                                && s.regions.size() == 2
                                && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy));
                long start = System.nanoTime();
                sim.faults(FailoverBenchmark.PRIMARY).down(DownMode.UNAVAILABLE);
                until(() -> FailoverBenchmark.STANDBY.equals(edge.answeringRegion()));
                long traffic = (System.nanoTime() - start) / 1_000_000;
                String standbyPool = edge.pools().get(FailoverBenchmark.STANDBY);
                until(() -> EdgeConfiguration.defaultPools(
                                cis.loadBalancer(zone, domain).orElseThrow())
                        .get(0)
                        .equals(standbyPool));
                long steeredMs = (System.nanoTime() - start) / 1_000_000;
                boolean oldPoolDisabled = !cis.pool(edge.pools().get(FailoverBenchmark.PRIMARY))
                        .path("enabled")
                        .asBoolean();
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("outage_to_traffic_ms", traffic);
                figures.put("outage_to_steered_ms", steeredMs);
                figures.put("old_pool_disabled", oldPoolDisabled);
                figures.put("health_interval_s", 5);
                figures.put("failure_threshold", 3);
                figures.put("cis_health", "per_request"); // the simulator's CIS has no probe interval
                return figures;
            }
        }
    }

    private static CisEdge seedEdge(
            IbmCloudSimulator sim, KubernetesClient k8s, String domain, List<DomainMappingRecord> mappings) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String region : List.of(FailoverBenchmark.PRIMARY, FailoverBenchmark.STANDBY)) {
            mappings.stream()
                    .filter(d -> domain.equals(d.name) && region.equals(d.region))
                    .forEach(d -> targets.put(region, d.cnameTarget));
        }
        return CisEdge.setUp(sim, k8s, FailoverBenchmark.NAMESPACE, FailoverBenchmark.NAME, domain, targets);
    }

    private static CodeEngineProtectionStatus await(KubernetesClient k8s, Predicate<CodeEngineProtectionStatus> done) {
        CodeEngineProtectionStatus[] seen = new CodeEngineProtectionStatus[1];
        until(() -> {
            CodeEngineProtection cep = k8s.resources(CodeEngineProtection.class)
                    .inNamespace(FailoverBenchmark.NAMESPACE)
                    .withName(FailoverBenchmark.NAME)
                    .get();
            seen[0] = cep == null ? null : cep.getStatus();
            return seen[0] != null && done.test(seen[0]);
        });
        return seen[0];
    }

    private static void until(BooleanSupplier done) {
        BenchWait.until("the edge steered", Duration.ofSeconds(120), Duration.ofMillis(10), done);
    }
}
