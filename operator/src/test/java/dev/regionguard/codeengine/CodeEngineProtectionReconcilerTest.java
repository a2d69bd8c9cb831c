package dev.regionguard.codeengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CeProjectRef;
import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.simulator.CodeEngineSeedManifest;
import dev.regionguard.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The operator keeping a Code Engine standby project ready, on the embedded API and the simulator. */
class CodeEngineProtectionReconcilerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PRIMARY = "us-south";
    private static final String STANDBY = "us-east";
    private static final List<CeKind> SYNCED = List.of(
            CeKind.SECRET,
            CeKind.CONFIG_MAP,
            CeKind.PERSISTENT_DATA_STORE,
            CeKind.ALLOWED_OUTBOUND_DESTINATION,
            CeKind.BUILD,
            CeKind.APP,
            CeKind.JOB,
            CeKind.FUNCTION);
    private static OperatorHarness harness;
    private static CodeEngineClients clients;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(PRIMARY, STANDBY);
        harness.simulator().setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(50));
        clients = HttpCodeEngineClients.create(harness.endpoints(), HttpSettings.defaults(), CallObserver.NONE);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private record Pair(
            String name,
            String primaryId,
            String standbyId,
            CodeEngineSeedManifest manifest,
            CodeEngineClient primary,
            CodeEngineClient standby) {}

    private static Pair pair(String name, int resources) {
        String primaryId = harness.simulator().createCodeEngineProject(PRIMARY);
        String standbyId = harness.simulator().createCodeEngineProject(STANDBY);
        CodeEngineSeedManifest manifest =
                harness.simulator().seedCodeEngine(PRIMARY, primaryId, resources, name.hashCode());
        harness.secret(name + "-apikey", Map.of("apikey", "ce-test-key"));
        ApiKey key = new ApiKey("ce-test-key");
        return new Pair(
                name,
                primaryId,
                standbyId,
                manifest,
                clients.forProject(PRIMARY, primaryId, key),
                clients.forProject(STANDBY, standbyId, key));
    }

    private static CodeEngineProtection protection(Pair p, CodeEngineStandbyMode mode) {
        CodeEngineProtection cep = new CodeEngineProtection();
        cep.setMetadata(new ObjectMetaBuilder()
                .withName(p.name)
                .withNamespace(OperatorHarness.NAMESPACE)
                .build());
        CodeEngineProtectionSpec spec = new CodeEngineProtectionSpec();
        spec.primary = new CeProjectRef(PRIMARY, p.primaryId);
        spec.standbys = List.of(new CeStandby(STANDBY, p.standbyId));
        spec.credentialsSecretRef = new SecretKeyRef(p.name + "-apikey", "apikey");
        spec.standbyMode = mode;
        spec.sync.interval = "1s";
        cep.setSpec(spec);
        return cep;
    }

    private static CodeEngineProtectionStatus awaitStatus(
            String name, java.util.function.Predicate<CodeEngineProtectionStatus> done) {
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
                        s -> s != null && done.test(s));
    }

    private static TreeSet<String> names(CodeEngineClient client, CeKind kind) {
        return client.list(kind).stream()
                .filter(r -> !"system".equals(r.path("generated_by").asText()))
                .map(r -> r.path("name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aColdStandbyGetsEveryWorkloadAtScaleZeroAndTheStatusRemembersWhatFailoverNeeds() {
        Pair p = pair("cold", 40);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger project = (Logger) LoggerFactory.getLogger("dev.regionguard");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Level before = project.getLevel();
        project.setLevel(Level.DEBUG);
        try {
            harness.client().resource(protection(p, CodeEngineStandbyMode.Cold)).create();
            CodeEngineProtectionStatus status =
                    awaitStatus(p.name, s -> Conditions.isTrue(s.conditions, Conditions.READY));

            for (CeKind kind : SYNCED) {
                assertThat(names(p.standby, kind)).as(kind.name()).isEqualTo(names(p.primary, kind));
            }
            assertThat(p.standby.list(CeKind.BINDING)).hasSameSizeAs(p.primary.list(CeKind.BINDING));
            // The primary's system secret stays home; the standby keeps its own.
            assertThat(p.standby.list(CeKind.SECRET).stream()
                            .map(s -> s.path("name").asText()))
                    .noneMatch(n -> n.endsWith(PRIMARY))
                    .anyMatch(n -> n.endsWith(STANDBY));
            // Cold: deployed, scaled to zero; the primary's scaling is in status for the failover.
            assertThat(p.standby.list(CeKind.APP))
                    .isNotEmpty()
                    .allSatisfy(app ->
                            assertThat(app.path("scale_min_instances").asInt()).isZero());
            Map<String, Integer> primaryMins = p.primary.list(CeKind.APP).stream()
                    .collect(Collectors.toMap(
                            a -> a.path("name").asText(),
                            a -> a.path("scale_min_instances").asInt(0)));
            assertThat(status.appScaling)
                    .hasSize(primaryMins.size())
                    .allSatisfy(a -> assertThat(a.minInstances).isEqualTo(primaryMins.get(a.app)));
            assertThat(primaryMins.values()).anyMatch(min -> min > 0);
            // Custom domains are staged on the standby, each region at its own CNAME target.
            assertThat(names(p.standby, CeKind.DOMAIN_MAPPING))
                    .containsExactlyInAnyOrderElementsOf(p.manifest.domainNames());
            CodeEngineProtectionStatus staged = awaitStatus(
                    p.name,
                    s -> s.domainMappings.stream()
                                    .filter(d -> "ready".equals(d.status))
                                    .count()
                            == 2L * p.manifest.domainNames().size());
            assertThat(staged.domainMappings).extracting(d -> d.region).containsOnly(PRIMARY, STANDBY);
            assertThat(staged.domainMappings)
                    .allSatisfy(
                            d -> assertThat(d.cnameTarget).contains("." + d.region + ".codeengine.appdomain.cloud"));
        } finally {
            root.detachAppender(logs);
            project.setLevel(before);
        }
        // Secret values never reach logs.
        List<String> values = new ArrayList<>();
        for (ObjectNode secret : p.primary.list(CeKind.SECRET)) {
            secret.path("data").properties().forEach(e -> {
                if (e.getValue().asText().length() >= 6) {
                    values.add(e.getValue().asText());
                }
            });
        }
        assertThat(values).isNotEmpty();
        String logged =
                logs.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        values.forEach(v -> assertThat(logged).doesNotContain(v));
    }

    @Test
    void changesAndDeletionsOnThePrimaryFollowAndAWarmStandbyCopiesScaling() {
        Pair p = pair("warm", 30);
        harness.client().resource(protection(p, CodeEngineStandbyMode.Warm)).create();
        awaitStatus(p.name, s -> Conditions.isTrue(s.conditions, Conditions.READY));
        ObjectNode app = p.primary.list(CeKind.APP).get(0);
        assertThat(p.standby
                        .get(CeKind.APP, app.path("name").asText())
                        .path("scale_min_instances")
                        .asInt(0))
                .isEqualTo(app.path("scale_min_instances").asInt(0));

        ObjectNode configMap = p.primary.list(CeKind.CONFIG_MAP).get(0);
        String cmName = configMap.path("name").asText();
        ObjectNode put = configMap.objectNode();
        put.set("data", configMap.objectNode().put("CHANGED", "on-the-primary"));
        p.primary.update(
                CeKind.CONFIG_MAP, cmName, put, configMap.path("entity_tag").asText());
        String job = p.primary.list(CeKind.JOB).get(0).path("name").asText();
        p.primary.delete(CeKind.JOB, job);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode data = p.standby.get(CeKind.CONFIG_MAP, cmName).path("data");
            assertThat(data.path("CHANGED").asText()).isEqualTo("on-the-primary");
            assertThat(names(p.standby, CeKind.JOB)).doesNotContain(job);
        });
    }
}
