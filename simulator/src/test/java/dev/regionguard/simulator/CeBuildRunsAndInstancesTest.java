package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Build runs, app instances, the project's status details and service_access secrets as IBM's v2 API has them. */
class CeBuildRunsAndInstancesTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static CeFixtures fixtures;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        fixtures = CeFixtures.inNewProject(simulator, client, "us-south");
        simulator.setCodeEngineTimings(Duration.ofMillis(100), Duration.ofMillis(100));
        fixtures.create("secrets", CeFixtures.secretBody("push", "registry"));
    }

    private static ObjectNode buildBody(String name, String outputImage) {
        return SimClient.object()
                .put("name", name)
                .put("output_image", outputImage)
                .put("output_secret", "push")
                .put("strategy_type", "dockerfile")
                .put("source_url", "https://github.com/IBM/CodeEngine");
    }

    @Test
    void aBuildRunOfABuildSucceedsWithADigest() {
        fixtures.create("builds", buildBody("web", "us.icr.io/team/web:1"));

        JsonNode run = fixtures.create("build_runs", SimClient.object().put("build_name", "web"));

        String name = run.get("name").asText();
        assertThat(name).matches("web-[a-z0-9]{5}");
        assertThat(run.get("resource_type").asText()).isEqualTo("build_run_v2");
        assertThat(run.get("output_image").asText()).isEqualTo("us.icr.io/team/web:1");
        assertThat(run.get("strategy_spec_file").asText()).isEqualTo("Dockerfile");
        assertThat(run.get("service_account").asText()).isEqualTo("default");
        assertThat(run.get("status").asText()).isEqualTo("pending");
        CeFixtures.eventually()
                .until(() ->
                        fixtures.get("build_runs", name).get("status").asText().equals("succeeded"));
        JsonNode details = fixtures.get("build_runs", name).get("status_details");
        assertThat(details.get("output_digest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(details.has("completion_time")).isTrue();

        JsonNode web =
                client.get(fixtures.url("build_runs") + "?build_name=web").json();
        assertThat(web.get("build_runs"))
                .extracting(r -> r.get("name").asText())
                .containsExactly(name);
        assertThat(client.get(fixtures.url("build_runs") + "?build_name=other")
                        .json()
                        .get("build_runs"))
                .isEmpty();
    }

    @Test
    void aStandaloneBuildRunNeedsItsOutputAndFailsWhenTheImageFails() {
        IbmErrorAssert.assertIbmError(
                client.post(fixtures.url("build_runs"), SimClient.object().put("name", "no-output")), 400);
        simulator.failImage("us.icr.io/team/broken:1");

        fixtures.create("build_runs", buildBody("adhoc", "us.icr.io/team/broken:1"));

        CeFixtures.eventually()
                .until(() -> fixtures.get("build_runs", "adhoc")
                        .get("status")
                        .asText()
                        .equals("failed"));
        JsonNode run = fixtures.get("build_runs", "adhoc");
        assertThat(run.get("status_details").has("output_digest")).isFalse();
        assertThat(run.get("build_name").asText()).isEqualTo("adhoc");
    }

    @Test
    void anAppRunsItsMinimumInstancesOfTheServingRevision() {
        fixtures.create("apps", CeFixtures.appBody("api", CeFixtures.IMAGE).put("scale_min_instances", 2));

        JsonNode loading =
                client.get(fixtures.url("apps", "api") + "/instances").json();
        assertThat(loading.get("instances")).hasSize(1);
        assertThat(loading.get("instances").get(0).get("status").asText()).isEqualTo("pending");

        CeFixtures.eventually()
                .until(() -> fixtures.get("apps", "api").get("status").asText().equals("ready"));
        JsonNode first =
                client.get(fixtures.url("apps", "api") + "/instances?limit=1").json();
        JsonNode instance = first.get("instances").get(0);
        assertThat(instance.get("app_name").asText()).isEqualTo("api");
        assertThat(instance.get("revision_name").asText()).isEqualTo("api-00001");
        assertThat(instance.get("name").asText()).startsWith("api-00001-deployment-");
        assertThat(instance.get("resource_type").asText()).isEqualTo("app_instance_v2");
        assertThat(instance.get("status").asText()).isEqualTo("running");
        assertThat(instance.get("scale_memory_limit").asText()).isEqualTo("4G");
        assertThat(instance.get("status_details")
                        .get("user_container")
                        .get("current_state")
                        .get("container_status")
                        .asText())
                .isEqualTo("running");
        JsonNode second = client.get(first.get("next").get("href").asText()).json();
        assertThat(second.get("instances")).hasSize(1);
        assertThat(second.get("instances").get(0).get("name").asText())
                .isNotEqualTo(instance.get("name").asText());
        assertThat(second.has("next")).isFalse();
        IbmErrorAssert.assertIbmError(client.get(fixtures.url("apps", "none") + "/instances"), 404);
    }

    @Test
    void statusDetailsCarryTheContextBasedRestrictionState() {
        JsonNode details = client.get(fixtures.project() + "/status_details").json();

        assertThat(details.get("project").asText()).isEqualTo("enabled");
        assertThat(details.get("vpe").asText()).isEqualTo("ready");
        assertThat(details.get("vpe_not_enabled").asBoolean()).isFalse();
        JsonNode dataPlane = details.get("cbr").get("data_plane");
        assertThat(dataPlane.get("enforcement").asText()).isEqualTo("none");
        assertThat(dataPlane.get("inbound_private").asText()).isEqualTo("allowed");
        assertThat(dataPlane.get("inbound_public").asText()).isEqualTo("allowed");
    }

    @Test
    void aServiceAccessSecretNeedsTheServiceInstanceButNoResourceKey() {
        ObjectNode body = CeFixtures.secretBody("cos-access", "service_access");
        ((ObjectNode) body.get("service_access")).remove("resource_key");

        JsonNode secret = fixtures.create("secrets", body);

        assertThat(secret.get("service_access").has("resource_key")).isFalse();
        ObjectNode noInstance = CeFixtures.secretBody("no-instance", "service_access");
        ((ObjectNode) noInstance.get("service_access")).remove("service_instance");
        IbmErrorAssert.assertIbmError(client.post(fixtures.url("secrets"), noInstance), 400);
    }
}
