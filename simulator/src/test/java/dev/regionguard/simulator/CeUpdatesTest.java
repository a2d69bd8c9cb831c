package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Entity tags and If-Match, merge-patch PATCH and PUT replace. */
class CeUpdatesTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("eu-gb");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static CeFixtures fixtures;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        fixtures = CeFixtures.inNewProject(simulator, client, "eu-gb");
        fixtures.secret("registry-one", "registry");
        fixtures.secret("registry-two", "registry");
        fixtures.secret("tls", "tls");
    }

    @Test
    void ifMatchIsRequiredAndMustNameTheCurrentVersion() {
        String url = fixtures.url("apps", fixtures.app("tagged").get("name").asText());
        String tag = client.get(url).header("ETag");
        ObjectNode patch = SimClient.object().put("scale_max_instances", 3);

        JsonNode missing = IbmErrorAssert.assertIbmError(client.mergePatch(url, patch, null), 428);
        assertThat(missing.get("code").asText()).isEqualTo("precondition_required");

        SimClient.Response fresh = client.mergePatch(url, patch, tag);
        assertThat(fresh.status()).isEqualTo(200);
        String newTag = fresh.header("ETag");
        assertThat(newTag)
                .isNotEqualTo(tag)
                .isEqualTo(fresh.json().get("entity_tag").asText());

        JsonNode stale = IbmErrorAssert.assertIbmError(
                client.mergePatch(url, SimClient.object().put("scale_max_instances", 4), tag), 412);
        assertThat(stale.get("code").asText()).isEqualTo("precondition_failed");
        assertThat(client.get(url).json().get("scale_max_instances").asInt()).isEqualTo(3);

        assertThat(client.mergePatch(url, SimClient.object().put("scale_max_instances", 5), "*")
                        .status())
                .isEqualTo(200);
        assertThat(client.mergePatch(
                                url,
                                SimClient.object().put("scale_max_instances", 6),
                                "\"" + client.get(url).header("ETag") + "\"")
                        .status())
                .isEqualTo(200);
        assertThat(client.get(url).json().get("scale_max_instances").asInt()).isEqualTo(6);
    }

    @Test
    void everyChangeGetsANewTagAndANoOpKeepsIt() {
        String url = fixtures.url(
                "config_maps", fixtures.configMap("tags").get("name").asText());
        String first = client.get(url).header("ETag");
        ObjectNode same = SimClient.object();
        same.putObject("data").put("LOG_LEVEL", "info");

        SimClient.Response unchanged = client.put(url, same, first);
        assertThat(unchanged.header("ETag")).isEqualTo(first);

        ObjectNode other = SimClient.object();
        other.putObject("data").put("LOG_LEVEL", "debug");
        String second = client.put(url, other, first).header("ETag");
        String third = client.put(url, same, second).header("ETag");
        assertThat(java.util.Set.of(first, second, third)).hasSize(3);
    }

    @Test
    void mergePatchMergesObjectsAndNullRemovesFields() {
        ObjectNode body = CeFixtures.appBody("patched", "us.icr.io/team/patched:1")
                .put("image_secret", "registry-one")
                .put("scale_max_instances", 4)
                .put("scale_cpu_limit", "0.5");
        body.putObject("probe_readiness")
                .put("type", "http")
                .put("path", "/ready")
                .put("port", 8080);
        body.putArray("run_arguments").add("--a").add("--b");
        fixtures.create("apps", body);
        String url = fixtures.url("apps", "patched");

        ObjectNode patch = SimClient.object();
        patch.putNull("image_secret");
        patch.putNull("scale_max_instances");
        patch.putObject("probe_readiness").put("path", "/healthz").putNull("port");
        patch.putArray("run_arguments").add("--c");
        JsonNode patched = client.mergePatch(url, patch, "*").json();

        assertThat(patched.has("image_secret")).isFalse();
        assertThat(patched.get("scale_max_instances").asInt()).isEqualTo(10);
        assertThat(patched.get("scale_cpu_limit").asText()).isEqualTo("0.5");
        assertThat(patched.get("probe_readiness").get("type").asText()).isEqualTo("http");
        assertThat(patched.get("probe_readiness").get("path").asText()).isEqualTo("/healthz");
        assertThat(patched.get("probe_readiness").has("port")).isFalse();
        assertThat(patched.get("run_arguments")).hasSize(1);
        assertThat(patched.get("image_reference").asText()).isEqualTo("us.icr.io/team/patched:1");
    }

    @Test
    void patchRefusesWhatItCannotChange() {
        String url = fixtures.url("apps", fixtures.app("strict").get("name").asText());

        IbmErrorAssert.assertIbmError(client.mergePatch(url, SimClient.object().put("name", "renamed"), "*"), 400);
        IbmErrorAssert.assertIbmError(client.mergePatch(url, SimClient.object().put("status", "ready"), "*"), 400);
        IbmErrorAssert.assertIbmError(client.mergePatch(url, SimClient.object().putNull("image_reference"), "*"), 400);
        IbmErrorAssert.assertIbmError(
                client.mergePatch(url, SimClient.object().put("scale_min_instances", -1), "*"), 400);
        IbmErrorAssert.assertIbmError(
                client.mergePatch(url, SimClient.object().put("scale_min_instances", 20), "*"), 400);
        IbmErrorAssert.assertIbmError(
                client.mergePatch(url, SimClient.object().put("run_service_account", "root"), "*"), 400);
        SimClient.Response text = client.send(client.authorized(url)
                .header("Content-Type", "text/plain")
                .header("If-Match", "*")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        IbmErrorAssert.assertIbmError(text, 415);
        assertThat(client.send(client.authorized(url)
                                .header("Content-Type", "application/json")
                                .header("If-Match", "*")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"scale_min_instances\":2}"))
                                .build())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void patchMergesIntoNestedReferencesAndChecksThemAgain() {
        fixtures.app("first-app");
        fixtures.app("second-app");
        fixtures.create(
                "domain_mappings",
                CeFixtures.component(
                        SimClient.object()
                                .put("name", "www.updates.example.com")
                                .put("tls_secret", "tls"),
                        "first-app",
                        "app_v2"));
        String url = fixtures.url("domain_mappings", "www.updates.example.com");

        ObjectNode patch = SimClient.object();
        patch.putObject("component").put("name", "second-app");
        JsonNode moved = client.mergePatch(url, patch, "*").json();
        assertThat(moved.get("component").get("name").asText()).isEqualTo("second-app");
        assertThat(moved.get("component").get("resource_type").asText()).isEqualTo("app_v2");

        patch.putObject("component").put("name", "missing-app");
        IbmErrorAssert.assertIbmError(client.mergePatch(url, patch, "*"), 400);
        IbmErrorAssert.assertIbmError(
                client.mergePatch(url, SimClient.object().put("tls_secret", "registry-one"), "*"), 400);
    }

    @Test
    void putReplacesConfigMapsAndSecrets() {
        ObjectNode configMap = SimClient.object().put("name", "replaced");
        configMap.putObject("data").put("A", "1").put("B", "2");
        fixtures.create("config_maps", configMap);
        ObjectNode replacement = SimClient.object();
        replacement.putObject("data").put("C", "3");

        JsonNode replaced = client.put(fixtures.url("config_maps", "replaced"), replacement, "*")
                .json();
        assertThat(replaced.get("data").toString()).isEqualTo("{\"C\":\"3\"}");
        assertThat(client.put(fixtures.url("config_maps", "replaced"), SimClient.object(), "*")
                        .json()
                        .has("data"))
                .isFalse();

        ObjectNode secretPut = SimClient.object().put("format", "registry");
        secretPut
                .putObject("data")
                .put("username", "robot")
                .put("password", "new")
                .put("server", "de.icr.io");
        JsonNode secret = client.put(fixtures.url("secrets", "registry-two"), secretPut, "*")
                .json();
        assertThat(secret.get("data").get("server").asText()).isEqualTo("de.icr.io");
        assertThat(secret.get("data").has("email")).isFalse();

        ObjectNode otherFormat = SimClient.object().put("format", "generic");
        otherFormat.putObject("data").put("A", "1");
        IbmErrorAssert.assertIbmError(client.put(fixtures.url("secrets", "registry-two"), otherFormat, "*"), 400);
        IbmErrorAssert.assertIbmError(
                client.put(
                        fixtures.url("secrets", "registry-two"),
                        SimClient.object().put("format", "registry"),
                        "*"),
                400);
        IbmErrorAssert.assertIbmError(client.put(fixtures.url("secrets", "registry-two"), secretPut, null), 428);
    }
}
