package dev.regionguard.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CeProjectRef;
import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EdgeSpec;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.QuorumSpec;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.codeengine.CeKind;
import dev.regionguard.codeengine.CodeEngineClient;
import dev.regionguard.codeengine.HttpCodeEngineClients;
import dev.regionguard.edge.CisClient;
import dev.regionguard.health.EdgeConfiguration;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.testing.OperatorHarness;
import dev.regionguard.testing.SimulatorClients;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Code Engine behind a CIS global load balancer, as IBM's multi-region tutorial sets it up, run by
 * the real operator on the embedded API and the simulator: RegionGuard checks the edge, a failover
 * steers it (also while the old region does not answer), and a failed failover gives it back.
 */
class EdgeSteeringOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String PRIMARY = "us-south";
    private static final String STANDBY = "eu-de";
    private static final String KEY = "edge-key";
    private static final String ZONE = "example.com";
    private static final FailoverFailurePathsOperatorTest.StepHooks HOOKS =
            new FailoverFailurePathsOperatorTest.StepHooks();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OperatorHarness harness;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(PRIMARY, STANDBY);
        harness.simulator().setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(50));
        harness.restartOperator(HOOKS);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    /** A protected project pair with its domain staged on both, then the edge over both. */
    private record Setup(String name, String domain, String crn, Map<String, String> pools) {}

    private static Setup protect(String name) {
        return protect(name, spec -> {});
    }

    /** A primary with one app behind a custom domain (no regional references, so a standby can be ready). */
    private static Setup protect(String name, java.util.function.Consumer<CodeEngineProtectionSpec> tweak) {
        String primaryId = harness.simulator().createCodeEngineProject(PRIMARY);
        String standbyId = harness.simulator().createCodeEngineProject(STANDBY);
        String domain = "www." + name + "." + ZONE;
        CodeEngineClient primary = HttpCodeEngineClients.create(
                        harness.endpoints(), HttpSettings.defaults(), CallObserver.NONE)
                .forProject(PRIMARY, primaryId, new ApiKey(KEY));
        primary.create(
                CeKind.SECRET,
                json("{\"name\":\"www-tls\",\"format\":\"tls\","
                        + "\"data\":{\"tls_cert\":\"-----BEGIN CERTIFICATE-----\\nMIIB\",\"tls_key\":\"k\"}}"));
        primary.create(
                CeKind.APP,
                json("{\"name\":\"web\",\"image_reference\":\"icr.io/codeengine/helloworld\","
                        + "\"scale_min_instances\":1}"));
        primary.create(
                CeKind.DOMAIN_MAPPING,
                json("{\"name\":\"" + domain + "\",\"tls_secret\":\"www-tls\","
                        + "\"component\":{\"name\":\"web\",\"resource_type\":\"app_v2\"}}"));
        harness.secret(name + "-apikey", Map.of("apikey", KEY));
        CodeEngineProtection cep = new CodeEngineProtection();
        cep.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(OperatorHarness.NAMESPACE)
                .build());
        CodeEngineProtectionSpec spec = new CodeEngineProtectionSpec();
        spec.primary = new CeProjectRef(PRIMARY, primaryId);
        spec.standbys = List.of(new CeStandby(STANDBY, standbyId));
        spec.credentialsSecretRef = new SecretKeyRef(name + "-apikey", "apikey");
        spec.sync.interval = "2s";
        spec.failover.endpointConfigMap = name + "-endpoint";
        spec.healthCheck.interval = "2s"; // the edge is read every interval
        spec.healthCheck.timeout = "1s";
        tweak.accept(spec);
        cep.setSpec(spec);
        harness.client().resource(cep).create();
        CodeEngineProtectionStatus staged = awaitStatus(
                name,
                s -> s.domainMappings.stream()
                                .filter(d -> domain.equals(d.name) && "ready".equals(d.status))
                                .count()
                        == 2);
        Map<String, String> targets = new LinkedHashMap<>();
        for (String region : List.of(PRIMARY, STANDBY)) {
            staged.domainMappings.stream()
                    .filter(d -> domain.equals(d.name) && region.equals(d.region))
                    .forEach(d -> targets.put(region, d.cnameTarget));
        }
        String crn = harness.simulator().cis().createInstance(ZONE);
        Map<String, String> pools = harness.simulator().cis().seedLoadBalancer(crn, ZONE, domain, targets);
        harness.edit(CodeEngineProtection.class, name, p -> {
            EdgeSpec edge = new EdgeSpec();
            edge.cisInstanceCrn = crn;
            edge.zone = ZONE;
            edge.loadBalancer = domain;
            pools.forEach((region, id) -> edge.pools.add(new EdgeSpec.EdgePool(region, id)));
            p.getSpec().edge = edge;
            return p;
        });
        return new Setup(name, domain, crn, pools);
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CodeEngineProtectionStatus awaitStatus(
            String name, java.util.function.Predicate<CodeEngineProtectionStatus> condition) {
        return await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> harness.client()
                                .resources(CodeEngineProtection.class)
                                .inNamespace(OperatorHarness.NAMESPACE)
                                .withName(name)
                                .get()
                                .getStatus(),
                        s -> s != null && condition.test(s));
    }

    private static Condition edgeConfigured(CodeEngineProtectionStatus status) {
        return Conditions.find(status.conditions, Conditions.EDGE_CONFIGURED);
    }

    /** Which region answers a request for the custom domain through the edge; null when none does. */
    private static String answeringRegion(String domain) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(harness.simulator().cis().edgeUrl(domain) + "/"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        return JSON.readTree(response.body()).path("region").asText();
    }

    private static CisClient cis(Setup setup) {
        return SimulatorClients.cis(harness.simulator(), null).forInstance(setup.crn(), new ApiKey(KEY));
    }

    private static RegionFailover failover(String name, String protection) {
        RegionFailover rfo = new RegionFailover();
        rfo.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(OperatorHarness.NAMESPACE)
                .build());
        rfo.setSpec(new RegionFailoverSpec());
        rfo.getSpec().protectionRef = new ProtectionRef(ProtectionKind.CodeEngineProtection, protection);
        rfo.getSpec().type = FailoverType.Failover;
        rfo.getSpec().targetRegion = STANDBY;
        rfo.getSpec().force = true;
        rfo.getSpec().reason = "test";
        return harness.client().resource(rfo).create();
    }

    @Test
    void aFailoverWhileThePrimaryRegionIsDownSteersTheEdgeAndTheDomainAnswersFromTheStandby() throws Exception {
        Setup setup = protect("edge-down");
        CodeEngineProtectionStatus checked = awaitStatus(
                setup.name(),
                s -> edgeConfigured(s) != null && edgeConfigured(s).isTrue());
        assertThat(checked.edge.servingRegion).isEqualTo(PRIMARY);
        assertThat(checked.edge.pools)
                .extracting(p -> p.region, p -> p.healthy, p -> p.order)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PRIMARY, true, 1),
                        org.assertj.core.groups.Tuple.tuple(STANDBY, true, 2));
        assertThat(answeringRegion(setup.domain())).isEqualTo(PRIMARY);

        harness.simulator().faults(PRIMARY).down(DownMode.UNAVAILABLE);
        try {
            awaitStatus(setup.name(), s -> s.edge != null && STANDBY.equals(s.edge.servingRegion));
            failover(setup.name() + "-1", setup.name());
            RegionFailover done = harness.awaitFailover(setup.name() + "-1", TIMEOUT, FailoverPhase.Succeeded);

            assertThat(done.getStatus().steps)
                    .filteredOn(s -> s.step == FailoverStep.Fencing)
                    .singleElement()
                    .satisfies(s -> assertThat(s.message).contains("disabled pool"));
            ObjectNode oldPool = cis(setup).pool(setup.pools().get(PRIMARY));
            assertThat(oldPool.path("enabled").asBoolean())
                    .as("the old region is fenced at the edge")
                    .isFalse();
            String zone = cis(setup).zoneId(ZONE).orElseThrow();
            assertThat(EdgeConfiguration.defaultPools(
                            cis(setup).loadBalancer(zone, setup.domain()).orElseThrow()))
                    .as(() -> done.getStatus().steps.stream()
                            .map(st -> st.step + ": " + st.message)
                            .toList()
                            .toString())
                    .first()
                    .isEqualTo(setup.pools().get(STANDBY));
            assertThat(answeringRegion(setup.domain())).isEqualTo(STANDBY);
        } finally {
            harness.simulator().faults(PRIMARY).up();
        }
        CodeEngineProtectionStatus after = awaitStatus(
                setup.name(),
                s -> STANDBY.equals(s.activeRegion) && s.edge != null && STANDBY.equals(s.edge.firstRegion));
        assertThat(edgeConfigured(after).status)
                .as(edgeConfigured(after).message)
                .isEqualTo("True");
        assertThat(answeringRegion(setup.domain()))
                .as("the old region is up again, and still fenced at the edge")
                .isEqualTo(STANDBY);
    }

    @Test
    void aFailedFailoverGivesTheEdgeBackAndDriftIsReported() throws Exception {
        Setup setup = protect("edge-fail");
        awaitStatus(
                setup.name(),
                s -> edgeConfigured(s) != null && edgeConfigured(s).isTrue());
        harness.configMap(setup.name() + "-endpoint", Map.of("owner", "another team")); // Promoting fails
        AtomicReference<Boolean> enabledWhilePromoting = new AtomicReference<>();
        HOOKS.at(
                setup.name() + "-1",
                FailoverPhase.Promoting,
                () -> enabledWhilePromoting.set(cis(setup)
                        .pool(setup.pools().get(PRIMARY))
                        .path("enabled")
                        .asBoolean()));

        failover(setup.name() + "-1", setup.name());
        harness.awaitFailover(setup.name() + "-1", TIMEOUT, FailoverPhase.Failed);

        assertThat(enabledWhilePromoting.get())
                .as("fenced at the edge while promoting")
                .isFalse();
        assertThat(cis(setup).pool(setup.pools().get(PRIMARY)).path("enabled").asBoolean())
                .as("the undo enables the pool again")
                .isTrue();
        // the undo maps the domain again, which takes a while: until then CIS sees the pool unhealthy
        await().atMost(TIMEOUT).until(() -> PRIMARY.equals(answeringRegion(setup.domain())));

        String zone = cis(setup).zoneId(ZONE).orElseThrow();
        ObjectNode balancer = cis(setup).loadBalancer(zone, setup.domain()).orElseThrow();
        cis(setup)
                .replaceLoadBalancer(
                        zone,
                        balancer.path("id").asText(),
                        dev.regionguard.edge.CisBodies.loadBalancerFirst(
                                balancer, setup.pools().get(STANDBY)));
        Condition drift = edgeConfigured(awaitStatus(
                setup.name(),
                s -> edgeConfigured(s) != null && !edgeConfigured(s).isTrue()));
        assertThat(drift.reason).isEqualTo(EdgeConfiguration.DRIFT);
        assertThat(drift.message)
                .contains("traffic goes to " + STANDBY + " first, not to the active region " + PRIMARY);
    }

    /**
     * CIS counts as a vantage point: an operator cut off from the primary alone is outvoted by CIS,
     * whose points of presence still reach the app; a real outage is agreed and fails over.
     */
    @Test
    void cisIsAVantagePointThatOutvotesAPartitionedOperatorAndAgreesOnAnOutage() throws Exception {
        Setup setup = protect("edge-quorum", spec -> {
            spec.healthCheck.interval = "1s";
            spec.healthCheck.timeout = "800ms";
            spec.healthCheck.failureThreshold = 2;
            spec.failover.mode = FailoverMode.Automatic;
            spec.failover.quorum = new QuorumSpec();
            spec.failover.quorum.witnesses = List.of("cis");
            spec.failover.quorum.maxAge = "4s";
        });
        awaitStatus(
                setup.name(),
                s -> edgeConfigured(s) != null && edgeConfigured(s).isTrue());

        harness.simulator().faults(PRIMARY).partition(KEY);
        try {
            CodeEngineProtectionStatus outvoted = awaitStatus(
                    setup.name(),
                    s -> Conditions.find(s.conditions, Conditions.QUORUM) != null
                            && "Outvoted".equals(Conditions.find(s.conditions, Conditions.QUORUM).reason));
            assertThat(outvoted.vantagePoints)
                    .filteredOn(v -> "cis".equals(v.name))
                    .singleElement()
                    .satisfies(v -> assertThat(v.fresh).isTrue());
            assertThat(outvoted.activeRegion).isEqualTo(PRIMARY);
            assertThat(harness.failoversOf(setup.name())).isEmpty();
        } finally {
            harness.simulator().faults(PRIMARY).heal(KEY);
        }

        harness.simulator().faults(PRIMARY).down(DownMode.UNAVAILABLE);
        try {
            CodeEngineProtectionStatus failedOver =
                    awaitStatus(setup.name(), s -> STANDBY.equals(s.activeRegion) && s.failover == null);
            assertThat(failedOver.failoverHistory).isNotEmpty();
            assertThat(cis(setup)
                            .pool(setup.pools().get(PRIMARY))
                            .path("enabled")
                            .asBoolean())
                    .as(() -> "the automatic failover fenced the old region at the edge: "
                            + harness.failoversOf(setup.name()).stream()
                                    .map(r ->
                                            r.getStatus().steps.stream()
                                                            .map(st -> st.step + ": " + st.message)
                                                            .toList() + " fenced="
                                                    + r.getStatus().fenced.stream()
                                                            .map(f -> f.region + f.original)
                                                            .toList())
                                    .toList())
                    .isFalse();
            String zone = cis(setup).zoneId(ZONE).orElseThrow();
            assertThat(EdgeConfiguration.defaultPools(
                            cis(setup).loadBalancer(zone, setup.domain()).orElseThrow()))
                    .first()
                    .isEqualTo(setup.pools().get(STANDBY));
            assertThat(answeringRegion(setup.domain())).isEqualTo(STANDBY);
        } finally {
            harness.simulator().faults(PRIMARY).up();
        }
    }
}
