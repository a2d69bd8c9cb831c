package dev.regionguard.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CeProjectRef;
import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverStepResult;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.SecretKeyRef;
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
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Code Engine failover that fails after Fencing, before the commit, run by the real operator on the
 * embedded API and the simulator: the old project's apps were project-only at zero instances with their
 * domain mappings deleted, and the undo restores every one of them.
 */
class CeFailoverFailureOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String PRIMARY = "us-south";
    private static final String STANDBY = "us-east";
    private static final String KEY = "ce-failover-key";
    private static final FailoverFailurePathsOperatorTest.StepHooks HOOKS =
            new FailoverFailurePathsOperatorTest.StepHooks();
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

    /** What the fence changes, per app (scaling and visibility) and per domain mapping (app and TLS secret). */
    private static Map<String, String> exposure(CodeEngineClient project) {
        Map<String, String> state = new TreeMap<>();
        for (ObjectNode app : project.list(CeKind.APP)) {
            state.put(
                    "app." + app.path("name").asText(),
                    app.path("scale_min_instances").asText() + "|"
                            + app.path("scale_max_instances").asText() + "|"
                            + app.path("scale_initial_instances").asText() + "|"
                            + app.path("managed_domain_mappings").asText("local_public") + "|"
                            + app.has("endpoint"));
        }
        for (ObjectNode mapping : project.list(CeKind.DOMAIN_MAPPING)) {
            if ("deleting".equals(mapping.path("status").asText())) {
                continue; // CE deletes asynchronously: as good as gone
            }
            state.put(
                    "mapping." + mapping.path("name").asText(),
                    mapping.path("component").path("name").asText() + "|"
                            + mapping.path("tls_secret").asText());
        }
        return state;
    }

    @Test
    void aFailureAtPromotingRestoresTheAppsAndDomainMappingsOfTheOldProject() {
        String name = "ce-fail";
        String primaryId = harness.simulator().createCodeEngineProject(PRIMARY);
        String standbyId = harness.simulator().createCodeEngineProject(STANDBY);
        harness.simulator().seedCodeEngine(PRIMARY, primaryId, 20, name.hashCode());
        harness.secret(name + "-apikey", Map.of("apikey", KEY));
        CodeEngineClient primary = HttpCodeEngineClients.create(
                        harness.endpoints(), HttpSettings.defaults(), CallObserver.NONE)
                .forProject(PRIMARY, primaryId, new ApiKey(KEY));
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
        spec.sync.interval = "5s";
        spec.failover.endpointConfigMap = name + "-endpoint";
        cep.setSpec(spec);
        harness.client().resource(cep).create();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            CodeEngineProtectionStatus s = harness.client()
                    .resources(CodeEngineProtection.class)
                    .inNamespace(OperatorHarness.NAMESPACE)
                    .withName(name)
                    .get()
                    .getStatus();
            return s != null && Conditions.isTrue(s.conditions, Conditions.READY);
        });
        Map<String, String> before = exposure(primary);
        assertThat(before).anySatisfy((k, v) -> assertThat(k).startsWith("mapping."));
        assertThat(before).anySatisfy((k, v) -> assertThat(v).endsWith("|true")); // a public app
        harness.configMap(name + "-endpoint", Map.of("owner", "another team")); // not RegionGuard's
        AtomicReference<Map<String, String>> duringPromoting = new AtomicReference<>();
        HOOKS.at(name + "-1", FailoverPhase.Promoting, () -> duringPromoting.set(exposure(primary)));

        // forced: readiness is not what this test is about
        harness.requestFailover(
                ProtectionKind.CodeEngineProtection, name + "-1", name, FailoverType.Failover, STANDBY, true);

        RegionFailover failed = harness.awaitFailover(name + "-1", TIMEOUT, FailoverPhase.Failed);
        assertThat(failed.getStatus().steps)
                .extracting(s -> s.step, s -> s.result)
                .containsExactly(
                        tuple(FailoverStep.Validating, FailoverStepResult.Succeeded),
                        tuple(FailoverStep.Fencing, FailoverStepResult.Succeeded),
                        tuple(FailoverStep.Promoting, FailoverStepResult.Failed),
                        tuple(FailoverStep.Unfencing, FailoverStepResult.Succeeded));
        assertThat(duringPromoting.get())
                .as("fenced: every app project-only, without a public URL, at 0; no domain mapping")
                .isNotNull()
                .allSatisfy((k, v) -> {
                    assertThat(k).startsWith("app.");
                    assertThat(v).matches("0\\|\\d+\\|0\\|local\\|false");
                });
        assertThat(exposure(primary)).as("everything the fence changed is back").isEqualTo(before);
        assertThat(failed.getStatus().fenced)
                .singleElement()
                .satisfies(f -> assertThat(f.isUndone()).isTrue());
    }
}
