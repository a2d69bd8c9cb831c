package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.CeProjectRef;
import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.api.SyncMode;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import dev.regionguard.testing.RecordingKubernetesClient;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Least privilege checked against what the operator really asks of the API: every request its client
 * sends while a protection of either service syncs, fails over and is deleted is one that the
 * operator's ClusterRole (the numbered manifest, as Helm renders it by default) allows.
 */
class OperatorRbacTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String PRIMARY = EnFixture.PRIMARY;
    private static final String STANDBY = EnFixture.STANDBY;

    private OperatorHarness harness;
    private RecordingKubernetesClient recording;

    @BeforeEach
    void start() {
        harness = OperatorHarness.start(PRIMARY, STANDBY);
        recording = new RecordingKubernetesClient(harness.client());
        harness.restartOperator(recording.client());
    }

    @AfterEach
    void stop() {
        harness.close(); // the operator first: it sends through the recording client
        recording.close();
    }

    @Test
    void everyRequestOfAnEnSyncAnAutomaticFailoverAndADeletionIsAllowed() throws IOException {
        EnFixture en = new EnFixture(harness, "rbac", 8);
        en.material();
        EventNotificationsProtection enp = en.protection(SyncMode.Mirror, "5s");
        enp.getSpec().healthCheck.interval = "1s";
        enp.getSpec().healthCheck.timeout = "800ms";
        enp.getSpec().healthCheck.successThreshold = 1;
        enp.getSpec().failover.mode = FailoverMode.Automatic;
        harness.apply(enp);
        harness.awaitStatus(en.name, TIMEOUT, OperatorHarness::everyStandbySynced);
        harness.simulator().faults(PRIMARY).down(DownMode.UNAVAILABLE);
        harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> STANDBY.equals(s.activeRegion) && s.failover == null && !s.failoverHistory.isEmpty());
        harness.client().resource(harness.get(en.name)).delete();
        await().atMost(TIMEOUT).until(() -> harness.get(en.name) == null);

        assertEveryRequestAllowed(
                "update regionguard.dev/eventnotificationsprotections/status",
                "create regionguard.dev/regionfailovers",
                "update regionguard.dev/regionfailovers/status",
                "patch regionguard.dev/regionfailovers",
                "get /secrets",
                "create /events");
    }

    @Test
    void everyRequestOfACeSyncAFailoverWithItsEndpointConfigMapAndADeletionIsAllowed() throws IOException {
        String name = "rbac-ce";
        harness.simulator().setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(50));
        String primaryId = harness.simulator().createCodeEngineProject(PRIMARY);
        String standbyId = harness.simulator().createCodeEngineProject(STANDBY);
        harness.simulator().seedCodeEngine(PRIMARY, primaryId, 20, name.hashCode());
        harness.secret(name + "-apikey", Map.of("apikey", "rbac-ce-key"));
        CodeEngineProtection cep = new CodeEngineProtection();
        cep.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(OperatorHarness.NAMESPACE)
                .build());
        cep.setSpec(new CodeEngineProtectionSpec());
        cep.getSpec().primary = new CeProjectRef(PRIMARY, primaryId);
        cep.getSpec().standbys = List.of(new CeStandby(STANDBY, standbyId));
        cep.getSpec().credentialsSecretRef = new SecretKeyRef(name + "-apikey", "apikey");
        cep.getSpec().sync.interval = "5s";
        cep.getSpec().failover.endpointConfigMap = name + "-endpoint";
        harness.client().resource(cep).create();
        await().atMost(TIMEOUT).until(() -> ready(name));
        // forced: readiness is not what this test is about
        harness.requestFailover(
                ProtectionKind.CodeEngineProtection, name + "-1", name, FailoverType.Failover, STANDBY, true);
        harness.awaitFailover(name + "-1", TIMEOUT, FailoverPhase.Succeeded);
        harness.client().resource(cep).delete();
        await().atMost(TIMEOUT).until(() -> codeEngine(name) == null);

        assertEveryRequestAllowed(
                "update regionguard.dev/codeengineprotections/status",
                "update regionguard.dev/regionfailovers/status",
                "create /configmaps",
                "get /secrets");
    }

    private void assertEveryRequestAllowed(String... expected) throws IOException {
        List<PolicyRule> rules = clusterRole().getRules();
        List<ApiRequest> requests = recording.requests().stream()
                .map(r -> ApiRequest.of(r.method(), r.uri()))
                .filter(Objects::nonNull)
                .toList();
        assertThat(requests)
                .as("what the scenario must have asked for")
                .extracting(ApiRequest::toString)
                .contains(expected);
        assertThat(requests.stream()
                        .filter(r -> !r.exempt() && !r.allowedBy(rules))
                        .map(ApiRequest::toString)
                        .distinct())
                .as("requests the operator's ClusterRole does not allow")
                .isEmpty();
    }

    private CodeEngineProtection codeEngine(String name) {
        return harness.client()
                .resources(CodeEngineProtection.class)
                .inNamespace(OperatorHarness.NAMESPACE)
                .withName(name)
                .get();
    }

    private boolean ready(String name) {
        CodeEngineProtection cep = codeEngine(name);
        return cep != null
                && cep.getStatus() != null
                && Conditions.isTrue(cep.getStatus().conditions, Conditions.READY);
    }

    private static ClusterRole clusterRole() throws IOException {
        String yaml = Files.readString(Repo.MANIFESTS.resolve("030-ClusterRole-regionguard-operator.yaml"));
        return Serialization.unmarshal(yaml, ClusterRole.class);
    }
}
