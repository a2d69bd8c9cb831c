package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CeProjectsApiTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static String projects;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        projects = simulator.codeEngineUrl("eu-de") + "/projects";
    }

    @Test
    void createIsAsynchronousAndResourcesAnswer403UntilActive() {
        simulator.setCodeEngineProjectActivation(Duration.ofMillis(400));
        SimClient.Response created =
                client.post(projects, SimClient.object().put("name", "standby").put("resource_group_id", "rg-1"));
        simulator.setCodeEngineProjectActivation(Duration.ofMillis(200));

        assertThat(created.status()).isEqualTo(202);
        JsonNode project = created.json();
        String id = project.get("id").asText();
        assertThat(project.get("status").asText()).isEqualTo("creating");
        assertThat(project.get("name").asText()).isEqualTo("standby");
        assertThat(project.get("region").asText()).isEqualTo("eu-de");
        assertThat(project.get("resource_group_id").asText()).isEqualTo("rg-1");
        assertThat(project.get("resource_type").asText()).isEqualTo("project_v2");
        assertThat(project.get("account_id").asText()).isNotBlank();
        assertThat(project.get("crn").asText())
                .isEqualTo("crn:v1:bluemix:public:codeengine:eu-de:a/"
                        + project.get("account_id").asText() + ":" + id + "::");
        assertThat(project.get("href").asText()).isEqualTo(projects + "/" + id);
        assertThat(project.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        JsonNode error = IbmErrorAssert.assertIbmError(client.get(projects + "/" + id + "/secrets"), 403);
        assertThat(error.get("code").asText()).isEqualTo("project_not_active");
        assertThat(error.get("more_info").asText()).contains("codeengine");
        assertThat(client.get(projects + "/" + id + "/status_details")
                        .json()
                        .get("project")
                        .asText())
                .isEqualTo("disabled");

        CeFixtures.eventually()
                .until(() -> client.get(projects + "/" + id)
                        .json()
                        .get("status")
                        .asText()
                        .equals("active"));
        assertThat(client.get(projects + "/" + id + "/secrets").status()).isEqualTo(200);
        JsonNode details = client.get(projects + "/" + id + "/status_details").json();
        assertThat(details.get("project").asText()).isEqualTo("enabled");
        assertThat(details.get("domain").asText()).isEqualTo("ready");
        JsonNode egress = client.get(projects + "/" + id + "/egress_ips").json();
        assertThat(egress.get("public")).isNotEmpty();
        assertThat(egress.get("private")).isNotEmpty();
    }

    @Test
    void deleteIsASoftDeleteThatKeepsTheProjectAndItsName() {
        String id = simulator.createCodeEngineProject("eu-de");
        String project = projects + "/" + id;

        SimClient.Response deleted = client.delete(project);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.body()).isEmpty();
        assertThat(client.get(project).json().get("status").asText()).isEqualTo("deleting");
        IbmErrorAssert.assertIbmError(client.get(project + "/apps"), 403);

        CeFixtures.eventually()
                .until(() -> client.get(project).json().get("status").asText().equals("soft_deleted"));
        SimClient.Response read = client.get(project);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("id").asText()).isEqualTo(id);
        JsonNode listed = client.get(projects + "?limit=100").json().get("projects");
        assertThat(listed)
                .filteredOn(p -> p.get("id").asText().equals(id))
                .singleElement()
                .satisfies(p -> assertThat(p.get("status").asText()).isEqualTo("soft_deleted"));
        assertThat(simulator.codeEngineProjectIds("eu-de")).contains(id);
        JsonNode error = IbmErrorAssert.assertIbmError(client.get(project + "/config_maps"), 403);
        assertThat(error.get("code").asText()).isEqualTo("project_not_active");
        assertThat(client.get(project + "/status_details").json().get("project").asText())
                .isEqualTo("disabled");
        // the name stays taken until the project is permanently deleted
        IbmErrorAssert.assertIbmError(client.post(projects, SimClient.object().put("name", "project-" + id)), 409);
        // a second DELETE changes nothing: the v2 API has no hard delete
        assertThat(client.delete(project).status()).isEqualTo(202);
        assertThat(client.get(project).json().get("status").asText()).isEqualTo("soft_deleted");
    }

    @Test
    void javaApiProjectsAreActiveAtOnceAndLiveInOneRegion() {
        String id = simulator.createCodeEngineProject("us-south");
        simulator.createCodeEngineProject("us-south", "fixed-project-id");

        JsonNode project = client.get(simulator.codeEngineUrl("us-south") + "/projects/" + id)
                .json();
        assertThat(project.get("status").asText()).isEqualTo("active");
        assertThat(project.get("name").asText()).isEqualTo("project-" + id);
        assertThat(client.get(simulator.codeEngineUrl("us-south") + "/projects/fixed-project-id")
                        .status())
                .isEqualTo(200);
        IbmErrorAssert.assertIbmError(client.get(projects + "/" + id), 404);
        assertThat(simulator.codeEngineProjectIds("us-south")).contains(id, "fixed-project-id");
        assertThatThrownBy(() -> simulator.createCodeEngineProject("us-south", "fixed-project-id"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.createCodeEngineProject("mars-north"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreUniquePerRegionAndCreateChecksItsBody() {
        assertThat(client.post(projects, SimClient.object().put("name", "twin")).status())
                .isEqualTo(202);
        IbmErrorAssert.assertIbmError(client.post(projects, SimClient.object().put("name", "twin")), 409);
        assertThat(client.post(
                                simulator.codeEngineUrl("us-south") + "/projects",
                                SimClient.object().put("name", "twin"))
                        .status())
                .isEqualTo(202);
        IbmErrorAssert.assertIbmError(client.post(projects, SimClient.object()), 400);
        IbmErrorAssert.assertIbmError(
                client.post(projects, SimClient.object().put("name", "x").put("status", "active")), 400);
    }

    @Test
    void listsPageWithTokens() {
        try (IbmCloudSimulator own = SimulatorFixture.regions("jp-tok").startNow()) {
            SimClient ownClient = new SimClient(own, "key");
            for (int i = 0; i < 5; i++) {
                own.createCodeEngineProject("jp-tok");
            }
            String url = own.codeEngineUrl("jp-tok") + "/projects?limit=2";
            int seen = 0;
            int pages = 0;
            while (url != null) {
                JsonNode page = ownClient.get(url).json();
                assertThat(page.has("total_count")).isFalse();
                seen += page.get("projects").size();
                pages++;
                url = page.has("next") ? page.get("next").get("href").asText() : null;
            }
            assertThat(seen).isEqualTo(5);
            assertThat(pages).isEqualTo(3);
        }
    }

    @Test
    void functionRuntimesAreListed() {
        JsonNode runtimes = client.get(simulator.codeEngineUrl("eu-de") + "/function_runtimes")
                .json()
                .get("function_runtimes");
        assertThat(runtimes).extracting(r -> r.get("id").asText()).contains("nodejs-20", "python-3.12");
        assertThat(runtimes.get(0).has("family")).isTrue();
    }
}
