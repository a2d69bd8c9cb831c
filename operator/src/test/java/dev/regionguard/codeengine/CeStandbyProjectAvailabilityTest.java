package dev.regionguard.codeengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regionguard.api.CeProjectRef;
import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A standby project that is missing or not active is StandbyUnavailable (condition, standby
 * message, Warning Event), nothing is written to it, and it syncs as soon as it is active.
 * Each test has its own standby region, so the simulator's write counts are the test's own.
 */
class CeStandbyProjectAvailabilityTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PRIMARY = "us-south";
    private static final String KEY = "ce-availability-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OperatorHarness harness;
    private static CodeEngineClients clients;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(PRIMARY, "us-east", "eu-de");
        harness.simulator().setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(50));
        harness.secret("availability-apikey", Map.of("apikey", KEY));
        clients = HttpCodeEngineClients.create(harness.endpoints(), HttpSettings.defaults(), CallObserver.NONE);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aMissingStandbyProjectIsUnavailableAndUntouchedUntilItExists() {
        String standbyRegion = "eu-de";
        String primaryId = seededPrimary("missing");
        String standbyId = UUID.randomUUID().toString();
        long writesBefore = harness.simulator().codeEngineStats(standbyRegion).writes();

        create("missing", primaryId, standbyRegion, standbyId);
        CodeEngineProtectionStatus unavailable =
                awaitStatus("missing", s -> "StandbyUnavailable".equals(reason(s, Conditions.STANDBYS_IN_SYNC)));

        assertThat(reason(unavailable, Conditions.READY)).isEqualTo("StandbyUnavailable");
        StandbyStatus standby = unavailable.standbys.get(0);
        assertThat(standby.inSync).isFalse();
        assertThat(standby.lastSuccessfulSyncTime)
                .as("never synced: not ready for failover")
                .isNull();
        assertThat(standby.message)
                .isEqualTo("standby unavailable: project " + standbyId + " does not exist in " + standbyRegion);
        assertThat(harness.simulator().codeEngineStats(standbyRegion).writes()).isEqualTo(writesBefore);
        await().atMost(TIMEOUT).until(() -> warnings("missing", "StandbyUnavailable"), n -> n > 0);

        harness.simulator().createCodeEngineProject(standbyRegion, standbyId);
        awaitStatus("missing", s -> Conditions.isTrue(s.conditions, Conditions.READY));

        assertSameWorkloads(primaryId, standbyRegion, standbyId);
    }

    @Test
    void aStandbyProjectStillCreatingIsUnavailableAndSyncsOnceActive() throws IOException {
        String standbyRegion = "us-east";
        String primaryId = seededPrimary("creating");
        harness.simulator().setCodeEngineProjectActivation(Duration.ofSeconds(5));
        String standbyId;
        try {
            standbyId = createProjectOverHttp(standbyRegion);
        } finally {
            harness.simulator().setCodeEngineProjectActivation(Duration.ofMillis(200));
        }
        long writesBefore = harness.simulator().codeEngineStats(standbyRegion).writes();

        create("creating", primaryId, standbyRegion, standbyId);
        CodeEngineProtectionStatus unavailable =
                awaitStatus("creating", s -> "StandbyUnavailable".equals(reason(s, Conditions.STANDBYS_IN_SYNC)));

        assertThat(unavailable.standbys.get(0).message)
                .isEqualTo("standby unavailable: project " + standbyId + " in " + standbyRegion
                        + " is creating, not active");
        // IBM's 403 project_not_active for a creating project must not read as a refused key.
        assertThat(Conditions.isTrue(unavailable.conditions, Conditions.CREDENTIALS_VALID))
                .isTrue();
        assertThat(harness.simulator().codeEngineStats(standbyRegion).writes()).isEqualTo(writesBefore);

        CodeEngineProtectionStatus ready =
                awaitStatus("creating", s -> Conditions.isTrue(s.conditions, Conditions.READY));

        assertThat(ready.standbys.get(0).inSync).isTrue();
        assertSameWorkloads(primaryId, standbyRegion, standbyId);
    }

    private static String seededPrimary(String seedName) {
        String primaryId = harness.simulator().createCodeEngineProject(PRIMARY);
        harness.simulator().seedCodeEngine(PRIMARY, primaryId, 20, seedName.hashCode());
        return primaryId;
    }

    private static void create(String name, String primaryId, String standbyRegion, String standbyId) {
        CodeEngineProtection cep = new CodeEngineProtection();
        cep.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(OperatorHarness.NAMESPACE)
                .build());
        CodeEngineProtectionSpec spec = new CodeEngineProtectionSpec();
        spec.primary = new CeProjectRef(PRIMARY, primaryId);
        spec.standbys = List.of(new CeStandby(standbyRegion, standbyId));
        spec.credentialsSecretRef = new SecretKeyRef("availability-apikey", "apikey");
        spec.sync.interval = "1s";
        cep.setSpec(spec);
        harness.client().resource(cep).create();
    }

    /** As IBM's API does it: POST /projects answers 202 with the project {@code creating}. */
    private static String createProjectOverHttp(String region) throws IOException {
        OkHttpClient http = new OkHttpClient();
        Request tokenRequest = new Request.Builder()
                .url(harness.endpoints().iamTokenUrl())
                .post(new FormBody.Builder()
                        .add("grant_type", "urn:ibm:params:oauth:grant-type:apikey")
                        .add("apikey", KEY)
                        .build())
                .build();
        String token;
        try (Response response = http.newCall(tokenRequest).execute()) {
            token = JSON.readTree(response.body().string()).path("access_token").asText();
        }
        Request create = new Request.Builder()
                .url(harness.endpoints().codeEngine(region) + "/projects")
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(
                        "{\"name\":\"late-standby\",\"resource_group_id\":\"rg-1\"}",
                        MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(create).execute()) {
            JsonNode project = JSON.readTree(response.body().string());
            assertThat(response.code()).isEqualTo(202);
            assertThat(project.path("status").asText()).isEqualTo("creating");
            return project.path("id").asText();
        }
    }

    private static void assertSameWorkloads(String primaryId, String standbyRegion, String standbyId) {
        ApiKey key = new ApiKey(KEY);
        CodeEngineClient primary = clients.forProject(PRIMARY, primaryId, key);
        CodeEngineClient standby = clients.forProject(standbyRegion, standbyId, key);
        for (CeKind kind : List.of(CeKind.CONFIG_MAP, CeKind.APP, CeKind.JOB)) {
            assertThat(names(standby, kind)).as(kind.name()).isEqualTo(names(primary, kind));
        }
        assertThat(names(primary, CeKind.APP)).isNotEmpty();
    }

    private static TreeSet<String> names(CodeEngineClient client, CeKind kind) {
        return client.list(kind).stream()
                .map(r -> r.path("name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long warnings(String name, String reason) {
        return harness.events(name).stream()
                .filter(e -> "Warning".equals(e.getType()) && reason.equals(e.getReason()))
                .count();
    }

    private static String reason(CodeEngineProtectionStatus status, String type) {
        Condition condition = Conditions.find(status.conditions, type);
        return condition == null ? null : condition.reason;
    }

    private static CodeEngineProtectionStatus awaitStatus(String name, Predicate<CodeEngineProtectionStatus> done) {
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
}
