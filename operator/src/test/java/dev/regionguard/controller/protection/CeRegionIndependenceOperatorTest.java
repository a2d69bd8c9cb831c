package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.AcceptedRegionReference;
import dev.regionguard.api.CeProjectRef;
import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.codeengine.CeKind;
import dev.regionguard.codeengine.CodeEngineClient;
import dev.regionguard.codeengine.HttpCodeEngineClients;
import dev.regionguard.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The region independence audit of a Code Engine protection through the real operator: an app
 * whose image is in the primary region's registry (us.icr.io) is copied to a standby in eu-de,
 * whose registry is de.icr.io; the audit names the app and its image_reference, a failover plan to
 * the standby is refused, and accepting the reference in the spec makes the standby ready.
 */
class CeRegionIndependenceOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String PRIMARY = "us-south";
    private static final String STANDBY = "eu-de";
    private static final String KEY = "ce-audit-api-key";
    private static OperatorHarness harness;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(PRIMARY, STANDBY);
        harness.simulator().setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(50));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void anImageInThePrimaryRegionsRegistryMakesTheStandbyDependentUntilTheSpecAcceptsIt() {
        String name = "audit-ce";
        String primaryId = harness.simulator().createCodeEngineProject(PRIMARY);
        String standbyId = harness.simulator().createCodeEngineProject(STANDBY);
        CodeEngineClient primary = HttpCodeEngineClients.create(
                        harness.endpoints(), HttpSettings.defaults(), CallObserver.NONE)
                .forProject(PRIMARY, primaryId, new ApiKey(KEY));
        ObjectNode app = new ObjectMapper()
                .createObjectNode()
                .put("name", "web")
                .put("image_reference", "us.icr.io/team/web:1.4.2");
        primary.create(CeKind.APP, app);
        harness.secret(name + "-apikey", Map.of("apikey", KEY));
        harness.client().resource(protection(name, primaryId, standbyId)).create();

        CodeEngineProtectionStatus dependent = awaitStatus(
                name, s -> isStatus(s, "False") && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy));
        Condition condition = Conditions.find(dependent.conditions, Conditions.REGION_INDEPENDENT);
        assertThat(condition.message).contains("eu-de app/web image_reference -> us-south");
        StandbyStatus standby = dependent.standbys.get(0);
        assertThat(standby.regionReferences)
                .extracting(f -> f.kind, f -> f.name, f -> f.field, f -> f.region, f -> f.value)
                .containsExactly(tuple("app", "web", "image_reference", PRIMARY, "us.icr.io"));
        assertThat(standby.regionReferenceCount).isEqualTo(1);

        plan(name, "audit-ce-refused");
        RegionFailover refused = harness.awaitFailover("audit-ce-refused", TIMEOUT, FailoverPhase.Rejected);
        assertThat(refused.getStatus().conditions)
                .anySatisfy(c -> assertThat(c.message).contains("1 reference to another region in its copy"));

        harness.edit(CodeEngineProtection.class, name, p -> {
            p.getSpec().regionIndependence.acceptedReferences =
                    List.of(new AcceptedRegionReference("app", "*", "image_reference"));
            return p;
        });
        CodeEngineProtectionStatus accepted = awaitStatus(name, s -> isStatus(s, "True"));
        assertThat(accepted.standbys.get(0).acceptedRegionReferenceCount).isEqualTo(1);

        plan(name, "audit-ce-accepted");
        harness.awaitFailover("audit-ce-accepted", TIMEOUT, FailoverPhase.Succeeded);
    }

    private static CodeEngineProtection protection(String name, String primaryId, String standbyId) {
        CodeEngineProtection cep = new CodeEngineProtection();
        cep.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(OperatorHarness.NAMESPACE)
                .build());
        CodeEngineProtectionSpec spec = new CodeEngineProtectionSpec();
        spec.primary = new CeProjectRef(PRIMARY, primaryId);
        spec.standbys = List.of(new CeStandby(STANDBY, standbyId));
        spec.credentialsSecretRef = new SecretKeyRef(name + "-apikey", "apikey");
        spec.standbyMode = CodeEngineStandbyMode.Cold;
        spec.sync.interval = "1s";
        spec.healthCheck.interval = "2s";
        spec.healthCheck.timeout = "1s";
        spec.healthCheck.successThreshold = 1;
        cep.setSpec(spec);
        return cep;
    }

    /** A Plan is validated like a failover (the target must be ready) and changes nothing. */
    private static void plan(String protection, String name) {
        RegionFailover rfo = new RegionFailover();
        rfo.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(OperatorHarness.NAMESPACE)
                .build());
        RegionFailoverSpec spec = new RegionFailoverSpec();
        spec.protectionRef = new ProtectionRef(ProtectionKind.CodeEngineProtection, protection);
        spec.type = FailoverType.Plan;
        spec.targetRegion = STANDBY;
        spec.reason = "test " + name;
        rfo.setSpec(spec);
        harness.client().resource(rfo).create();
    }

    private static CodeEngineProtectionStatus awaitStatus(String name, Predicate<CodeEngineProtectionStatus> test) {
        return await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            CodeEngineProtection cep = harness.client()
                                    .resources(CodeEngineProtection.class)
                                    .inNamespace(OperatorHarness.NAMESPACE)
                                    .withName(name)
                                    .get();
                            return cep == null ? null : cep.getStatus();
                        },
                        s -> s != null && test.test(s));
    }

    private static boolean isStatus(CodeEngineProtectionStatus s, String status) {
        Condition c = Conditions.find(s.conditions, Conditions.REGION_INDEPENDENT);
        return c != null && status.equals(c.status);
    }
}
