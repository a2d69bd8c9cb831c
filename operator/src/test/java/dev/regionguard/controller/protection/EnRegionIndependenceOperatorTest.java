package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.AcceptedRegionReference;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EnInstanceRef;
import dev.regionguard.api.EnIntegrationOverride;
import dev.regionguard.api.EnRegionalOverrides;
import dev.regionguard.api.EnStandby;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.eventnotifications.EnKind;
import dev.regionguard.eventnotifications.EventNotificationsClient;
import dev.regionguard.testing.OperatorHarness;
import dev.regionguard.testing.SimulatorClients;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The region independence audit through the real operator, on the embedded API and the simulator:
 * a primary in us-south whose key integration is its own region's Key Protect (the values IBM's
 * examples show) is copied as is to a standby in eu-de; the audit names the entity and its fields,
 * the standby is refused as a failover target, and once the spec accepts the reference the
 * condition turns True and the failover goes through.
 */
class EnRegionIndependenceOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String PRIMARY = "us-south";
    private static final String STANDBY = "eu-de";
    private static final String KEY = "audit-api-key";
    private static final String KMS_ENDPOINT = "https://us-south.kms.cloud.ibm.com";
    private static final String KMS_CRN = "crn:v1:bluemix:public:kms:us-south:a/1a2b3c4d5e6f:0f9e8d7c-6b5a::";
    private static final String EU_KMS_CRN = "crn:v1:bluemix:public:kms:eu-de:a/1a2b3c4d5e6f:7a6b5c4d-3e2f::";
    private static OperatorHarness harness;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(PRIMARY, STANDBY);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aKeyIntegrationOfThePrimaryRegionMakesTheStandbyDependentUntilTheSpecAcceptsIt() {
        String name = "audit-en";
        String primaryId = harness.simulator().createEventNotificationsInstance(PRIMARY);
        String standbyId = harness.simulator().createEventNotificationsInstance(STANDBY);
        var clients = SimulatorClients.eventNotifications(harness.simulator(), HttpSettings.defaults());
        EventNotificationsClient primary = clients.forInstance(PRIMARY, primaryId, new ApiKey(KEY));
        useOwnKeyProtect(primary);
        harness.secret(name + "-apikey", Map.of("apikey", KEY));
        harness.apply(protection(name, primaryId, standbyId));

        ProtectionStatus dependent = harness.awaitStatus(
                name,
                TIMEOUT,
                s -> isStatus(s, "False") && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy));
        Condition condition = Conditions.find(dependent.conditions, Conditions.REGION_INDEPENDENT);
        assertThat(condition.reason).isEqualTo("ForeignRegionReferences");
        assertThat(condition.message)
                .contains("2 references to another region on eu-de")
                .contains("eu-de integration/kms metadata.endpoint -> us-south");
        assertThat(dependent.conditions)
                .extracting(c -> c.type)
                .containsExactly(
                        Conditions.READY,
                        Conditions.STANDBYS_IN_SYNC,
                        Conditions.CREDENTIALS_VALID,
                        Conditions.REGION_INDEPENDENT,
                        Conditions.FAILOVER_READY);
        StandbyStatus standby = dependent.standbys.get(0);
        assertThat(standby.regionReferenceCount).isEqualTo(2);
        assertThat(standby.acceptedRegionReferenceCount).isZero();
        assertThat(standby.regionReferences)
                .extracting(f -> f.kind, f -> f.name, f -> f.field, f -> f.region, f -> f.value)
                .containsExactly(
                        tuple("integration", "kms", "metadata.crn", PRIMARY, KMS_CRN),
                        tuple("integration", "kms", "metadata.endpoint", PRIMARY, "us-south.kms.cloud.ibm.com"));
        assertThat(warnings(name, "ForeignRegionReferences")).hasSize(1);

        harness.requestFailover("audit-refused", name, FailoverType.Failover, STANDBY, false);
        RegionFailover refused = harness.awaitFailover("audit-refused", TIMEOUT, FailoverPhase.Rejected);
        assertThat(refused.getStatus().conditions)
                .anySatisfy(c -> assertThat(c.message)
                        .contains(
                                "2 references to another region in its copy, not accepted by spec.regionIndependence"));

        accept(name, new AcceptedRegionReference("integration", "kms", "metadata.*"));
        ProtectionStatus accepted = harness.awaitStatus(name, TIMEOUT, s -> isStatus(s, "True"));
        assertThat(Conditions.find(accepted.conditions, Conditions.REGION_INDEPENDENT).message)
                .isEqualTo("no standby refers to another region (2 accepted by spec.regionIndependence)");
        assertThat(accepted.standbys.get(0).regionReferences).isEmpty();
        assertThat(accepted.standbys.get(0).regionReferenceCount).isZero();
        assertThat(accepted.standbys.get(0).acceptedRegionReferenceCount).isEqualTo(2);
        assertThat(harness.events(name)).anyMatch(e -> "RegionIndependent".equals(e.getReason()));

        harness.requestFailover("audit-accepted", name, FailoverType.Failover, STANDBY, false);
        harness.awaitFailover("audit-accepted", TIMEOUT, FailoverPhase.Succeeded);
    }

    @Test
    void aKeyIntegrationWithAnOverrideForTheStandbyRegionIsItsOwnAndIndependent() {
        String name = "override-en";
        String primaryId = harness.simulator().createEventNotificationsInstance(PRIMARY);
        String standbyId = harness.simulator().createEventNotificationsInstance(STANDBY);
        var clients = SimulatorClients.eventNotifications(harness.simulator(), HttpSettings.defaults());
        EventNotificationsClient primary = clients.forInstance(PRIMARY, primaryId, new ApiKey(KEY));
        useOwnKeyProtect(primary);
        harness.secret(name + "-apikey", Map.of("apikey", KEY));
        EventNotificationsProtection enp = protection(name, primaryId, standbyId);
        EnIntegrationOverride keyProtect = new EnIntegrationOverride("kms", EU_KMS_CRN);
        keyProtect.rootKeyId = "9a8b7c6d-1e0d-4c9b-8a7f-6e5d4c3b2a19";
        enp.getSpec().standbys.get(0).regionalOverrides = new EnRegionalOverrides();
        enp.getSpec().standbys.get(0).regionalOverrides.integrations = List.of(keyProtect);
        harness.apply(enp);

        ProtectionStatus independent = harness.awaitStatus(name, TIMEOUT, s -> isStatus(s, "True"));
        assertThat(independent.standbys.get(0).regionReferenceCount).isZero();
        assertThat(independent.standbys.get(0).acceptedRegionReferenceCount).isZero();
        ObjectNode standbyKms =
                clients.forInstance(STANDBY, standbyId, new ApiKey(KEY)).list(EnKind.INTEGRATION).stream()
                        .filter(i -> "kms".equals(i.path("type").asText()))
                        .findFirst()
                        .orElseThrow();
        assertThat(standbyKms.path("metadata").path("endpoint").asText()).isEqualTo("https://eu-de.kms.cloud.ibm.com");
        assertThat(standbyKms.path("metadata").path("crn").asText()).isEqualTo(EU_KMS_CRN);
        assertThat(standbyKms.path("metadata").path("root_key_id").asText()).isEqualTo(keyProtect.rootKeyId);

        // A failover to eu-de and a relocation back: the final sync copies eu-de's configuration to
        // us-south, which keeps its own Key Protect.
        harness.requestFailover("override-failover", name, FailoverType.Failover, STANDBY, false);
        harness.awaitFailover("override-failover", TIMEOUT, FailoverPhase.Succeeded);
        harness.requestFailover("override-relocate", name, FailoverType.Relocate, PRIMARY, false);
        harness.awaitFailover("override-relocate", TIMEOUT, FailoverPhase.Succeeded);
        ProtectionStatus back = harness.awaitStatus(
                name, TIMEOUT, s -> PRIMARY.equals(s.activeRegion) && s.failover == null && isStatus(s, "True"));
        assertThat(back.standbys.get(0).regionReferenceCount).isZero();
        ObjectNode primaryKms = primary.list(EnKind.INTEGRATION).stream()
                .filter(i -> "kms".equals(i.path("type").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(primaryKms.path("metadata").path("endpoint").asText()).isEqualTo(KMS_ENDPOINT);
        assertThat(primaryKms.path("metadata").path("crn").asText()).isEqualTo(KMS_CRN);
    }

    /** The primary's key integration as a bring-your-own-key owner sets it: its region's Key Protect. */
    private static void useOwnKeyProtect(EventNotificationsClient primary) {
        ObjectNode kms = primary.list(EnKind.INTEGRATION).stream()
                .filter(i -> "kms".equals(i.path("type").asText()))
                .findFirst()
                .orElseThrow();
        ObjectNode body = new ObjectMapper().createObjectNode().put("type", "kms");
        body.putObject("metadata")
                .put("endpoint", KMS_ENDPOINT)
                .put("crn", KMS_CRN)
                .put("root_key_id", "c5b4a3f2-1e0d-4c9b-8a7f-6e5d4c3b2a19");
        primary.update(EnKind.INTEGRATION, kms.path("id").asText(), body, List.of());
    }

    private static EventNotificationsProtection protection(String name, String primaryId, String standbyId) {
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(OperatorHarness.NAMESPACE)
                .build());
        EventNotificationsProtectionSpec spec = new EventNotificationsProtectionSpec();
        spec.primary = new EnInstanceRef(PRIMARY, primaryId);
        spec.standbys = List.of(new EnStandby(STANDBY, standbyId));
        spec.credentialsSecretRef = new SecretKeyRef(name + "-apikey", "apikey");
        spec.sync.interval = "1s";
        spec.healthCheck.interval = "2s";
        spec.healthCheck.timeout = "1s";
        spec.healthCheck.successThreshold = 1;
        enp.setSpec(spec);
        return enp;
    }

    private static boolean isStatus(ProtectionStatus s, String status) {
        Condition c = Conditions.find(s.conditions, Conditions.REGION_INDEPENDENT);
        return c != null && status.equals(c.status);
    }

    private static void accept(String name, AcceptedRegionReference reference) {
        harness.edit(EventNotificationsProtection.class, name, p -> {
            p.getSpec().regionIndependence.acceptedReferences = List.of(reference);
            return p;
        });
    }

    private static List<Event> warnings(String name, String reason) {
        return harness.events(name).stream()
                .filter(e -> reason.equals(e.getReason()) && "Warning".equals(e.getType()))
                .toList();
    }
}
