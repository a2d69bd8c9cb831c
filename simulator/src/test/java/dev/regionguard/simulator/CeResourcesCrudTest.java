package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CeResourcesCrudTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static String projectId;
    private static CeFixtures fixtures;

    /** One kind: a create body, an update (null method: none allowed) and the field it changes. */
    record Case(
            String segment,
            ObjectNode create,
            String updateMethod,
            ObjectNode update,
            String field,
            String resourceType) {
        @Override
        public String toString() {
            return segment;
        }
    }

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        projectId = simulator.createCodeEngineProject("us-south");
        fixtures = new CeFixtures(client, CeFixtures.projectUrl(simulator, "us-south", projectId));
        fixtures.secret("reg", "registry");
        fixtures.secret("hmac", "hmac_auth");
        fixtures.secret("tls", "tls");
        fixtures.secret("tls-two", "tls");
        fixtures.secret("sa", "service_access");
        fixtures.app("bound-app");
    }

    static Stream<Case> kinds() {
        ObjectNode secret = SimClient.object().put("name", "crud-secret").put("format", "generic");
        secret.putObject("data").put("A", "1");
        ObjectNode secretPut = SimClient.object().put("format", "generic");
        secretPut.putObject("data").put("B", "2");
        ObjectNode configMap = SimClient.object().put("name", "crud-config");
        configMap.putObject("data").put("A", "1");
        ObjectNode configMapPut = SimClient.object();
        configMapPut.putObject("data").put("B", "2");
        ObjectNode dataStore = SimClient.object().put("name", "crud-store").put("storage_type", "object_storage");
        dataStore.putObject("data").put("bucket_name", "bucket").put("secret_name", "hmac");
        ObjectNode binding = CeFixtures.component(
                SimClient.object().put("prefix", "COS").put("secret_name", "sa"), "bound-app", "app_v2");
        ObjectNode mapping = CeFixtures.component(
                SimClient.object().put("name", "www.crud.example.com").put("tls_secret", "tls"), "bound-app", "app_v2");
        return Stream.of(
                new Case("secrets", secret, "PUT", secretPut, "data", "secret_generic_v2"),
                new Case("config_maps", configMap, "PUT", configMapPut, "data", "config_map_v2"),
                new Case("persistent_data_stores", dataStore, null, null, null, "persistent_data_store_v2"),
                new Case(
                        "allowed_outbound_destinations",
                        SimClient.object()
                                .put("name", "crud-egress")
                                .put("type", "cidr_block")
                                .put("cidr_block", "10.0.0.0/24"),
                        "PATCH",
                        SimClient.object().put("cidr_block", "10.1.0.0/16"),
                        "cidr_block",
                        "allowed_outbound_destination_v2"),
                new Case(
                        "builds",
                        SimClient.object()
                                .put("name", "crud-build")
                                .put("output_image", "us.icr.io/t/b")
                                .put("output_secret", "reg")
                                .put("strategy_type", "dockerfile")
                                .put("source_url", "https://github.com/example/b"),
                        "PATCH",
                        SimClient.object().put("strategy_size", "large"),
                        "strategy_size",
                        "build_v2"),
                new Case(
                        "apps",
                        CeFixtures.appBody("crud-app", CeFixtures.IMAGE),
                        "PATCH",
                        SimClient.object().put("scale_min_instances", 1),
                        "scale_min_instances",
                        "app_v2"),
                new Case(
                        "jobs",
                        SimClient.object().put("name", "crud-job").put("image_reference", CeFixtures.IMAGE),
                        "PATCH",
                        SimClient.object().put("run_mode", "daemon"),
                        "run_mode",
                        "job_v2"),
                new Case(
                        "functions",
                        SimClient.object()
                                .put("name", "crud-function")
                                .put("runtime", "nodejs-20")
                                .put("code_reference", "data:text/plain;base64,ZnVuY3Rpb24gbWFpbigpIHt9"),
                        "PATCH",
                        SimClient.object().put("scale_concurrency", 2),
                        "scale_concurrency",
                        "function_v2"),
                new Case("bindings", binding, null, null, null, "binding_v2"),
                new Case(
                        "domain_mappings",
                        mapping,
                        "PATCH",
                        SimClient.object().put("tls_secret", "tls-two"),
                        "tls_secret",
                        "domain_mapping_v2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void createGetListUpdateDelete(Case kind) {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(20));
        boolean tagged = !kind.segment().equals("bindings");

        SimClient.Response created = client.post(fixtures.url(kind.segment()), kind.create());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode view = created.json();
        String key = tagged ? view.get("name").asText() : view.get("id").asText();
        assertThat(view.get("href").asText()).isEqualTo(fixtures.url(kind.segment(), key));
        assertThat(view.get("project_id").asText()).isEqualTo(projectId);
        assertThat(view.get("region").asText()).isEqualTo("us-south");
        assertThat(view.get("resource_type").asText()).isEqualTo(kind.resourceType());
        assertThat(view.get("created_at").asText()).isNotBlank();
        assertThat(view.has("entity_tag")).isEqualTo(tagged);
        assertThat(created.header("ETag"))
                .isEqualTo(tagged ? view.get("entity_tag").asText() : null);

        SimClient.Response read = client.get(fixtures.url(kind.segment(), key));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("id")).isEqualTo(view.get("id"));
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));
        JsonNode list = client.get(fixtures.url(kind.segment())).json();
        assertThat(list.get(kind.segment())).anyMatch(item -> item.get("id").equals(view.get("id")));

        if (kind.updateMethod() != null) {
            SimClient.Response updated = kind.updateMethod().equals("PUT")
                    ? client.put(fixtures.url(kind.segment(), key), kind.update(), read.header("ETag"))
                    : client.mergePatch(fixtures.url(kind.segment(), key), kind.update(), read.header("ETag"));
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            assertThat(updated.json().get(kind.field())).isEqualTo(kind.update().get(kind.field()));
            assertThat(updated.header("ETag"))
                    .isNotEqualTo(read.header("ETag"))
                    .isEqualTo(updated.json().get("entity_tag").asText());
            String wrongMethod = kind.updateMethod().equals("PUT") ? "PATCH" : "PUT";
            IbmErrorAssert.assertIbmError(send(wrongMethod, fixtures.url(kind.segment(), key), kind.update()), 405);
        } else {
            IbmErrorAssert.assertIbmError(send("PATCH", fixtures.url(kind.segment(), key), SimClient.object()), 405);
            IbmErrorAssert.assertIbmError(send("PUT", fixtures.url(kind.segment(), key), SimClient.object()), 405);
        }

        SimClient.Response deleted = client.delete(fixtures.url(kind.segment(), key));
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.body()).isEmpty();
        CeFixtures.eventually()
                .until(() -> client.get(fixtures.url(kind.segment(), key)).status() == 404);
        IbmErrorAssert.assertIbmError(client.delete(fixtures.url(kind.segment(), key)), 404);
    }

    private static SimClient.Response send(String method, String url, JsonNode body) {
        return method.equals("PUT") ? client.put(url, body, "*") : client.mergePatch(url, body, "*");
    }

    @Test
    void aResourceBeingDeletedShowsDeletingAndBlocksItsNameUntilGone() {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ofSeconds(30));
        fixtures.configMap("slow-delete");

        assertThat(client.delete(fixtures.url("config_maps", "slow-delete")).status())
                .isEqualTo(202);

        JsonNode deleting = fixtures.get("config_maps", "slow-delete");
        assertThat(deleting.get("status").asText()).isEqualTo("deleting");
        assertThat(client.get(fixtures.url("config_maps")).body()).contains("slow-delete");
        JsonNode conflict = IbmErrorAssert.assertIbmError(
                client.post(fixtures.url("config_maps"), SimClient.object().put("name", "slow-delete")), 409);
        assertThat(conflict.get("message").asText()).contains("being deleted");
        IbmErrorAssert.assertIbmError(
                client.put(fixtures.url("config_maps", "slow-delete"), SimClient.object(), "*"), 409);
        assertThat(client.delete(fixtures.url("config_maps", "slow-delete")).status())
                .isEqualTo(202);
    }

    @Test
    void theSameNameCanBeCreatedAgainOnceGone() {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(150));
        String firstId = fixtures.app("phoenix").get("id").asText();
        client.delete(fixtures.url("apps", "phoenix"));

        CeFixtures.eventually()
                .until(() -> client.post(fixtures.url("apps"), CeFixtures.appBody("phoenix", CeFixtures.IMAGE))
                                .status()
                        == 201);

        JsonNode again = fixtures.get("apps", "phoenix");
        assertThat(again.get("id").asText()).isNotEqualTo(firstId);
        assertThat(again.get("status_details").get("latest_created_revision").asText())
                .isEqualTo("phoenix-00001");
    }

    @Test
    void deletingAnAppDeletesItsBindingsUnlessAskedToKeepThem() {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ofSeconds(30));
        fixtures.app("with-bindings");
        fixtures.app("keeps-bindings");
        List<String> bindings = new ArrayList<>();
        for (String app : List.of("with-bindings", "keeps-bindings")) {
            bindings.add(fixtures.create(
                            "bindings",
                            CeFixtures.component(
                                    SimClient.object().put("prefix", "COS").put("secret_name", "sa"), app, "app_v2"))
                    .get("id")
                    .asText());
        }

        client.delete(fixtures.url("apps", "with-bindings"));
        client.delete(fixtures.url("apps", "keeps-bindings") + "?keep_service_access=true");

        assertThat(fixtures.get("bindings", bindings.get(0)).get("status").asText())
                .isEqualTo("deleting");
        assertThat(fixtures.get("bindings", bindings.get(1)).get("status").asText())
                .isEqualTo("active");
    }

    @Test
    void unknownResourcesAndPathsAre404() {
        IbmErrorAssert.assertIbmError(client.get(fixtures.url("apps", "nope")), 404);
        IbmErrorAssert.assertIbmError(client.get(fixtures.url("no_such_kind")), 404);
        IbmErrorAssert.assertIbmError(client.get(fixtures.url("apps", "bound-app") + "/logs"), 404);
        IbmErrorAssert.assertIbmError(client.get(fixtures.url("jobs", "bound-job") + "/instances"), 404);
        IbmErrorAssert.assertIbmError(client.get(simulator.codeEngineUrl("us-south") + "/projects/nope/apps"), 404);
        IbmErrorAssert.assertIbmError(client.get(simulator.baseUrl() + "/jp-osa/codeengine/v2/projects"), 404);
        IbmErrorAssert.assertIbmError(client.get(fixtures.url("apps") + "?version=yesterday"), 400);
        assertThat(client.get(fixtures.url("apps") + "?version=2025-08-27").status())
                .isEqualTo(200);
    }
}
