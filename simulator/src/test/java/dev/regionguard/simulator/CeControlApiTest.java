package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CeControlApiTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private static IbmCloudSimulator simulator;
    private static SimClient client;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
    }

    private static SimClient.Response control(String method, String path) {
        return client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/" + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void createsSeedsListsAndSnapshotsProjects() {
        SimClient.Response created = control("POST", "regions/eu-de/projects");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("project_id").asText();
        assertThat(client.get(simulator.codeEngineUrl("eu-de") + "/projects/" + id)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("active");

        JsonNode seeded = control("POST", "regions/eu-de/projects?project_id=my-project&resources=40&seed=3")
                .json();
        assertThat(seeded.get("project_id").asText()).isEqualTo("my-project");
        assertThat(seeded.get("resource_count").asInt()).isEqualTo(40);
        assertThat(control("GET", "regions/eu-de/projects")
                        .json()
                        .get("project_ids")
                        .toString())
                .contains(id, "my-project");
        JsonNode snapshot =
                control("GET", "regions/eu-de/projects/my-project/snapshot").json();
        assertThat(snapshot.get("apps")).hasSize(10);
        assertThat(snapshot.get("project").get("id").asText()).isEqualTo("my-project");
        IbmErrorAssert.assertIbmError(control("GET", "regions/eu-de/projects/nope/snapshot"), 404);
        IbmErrorAssert.assertIbmError(control("POST", "regions/eu-de/projects?project_id=my-project"), 400);
    }

    @Test
    void drivesImagesAndTimings() {
        String project = CeFixtures.projectUrl(simulator, "us-south", simulator.createCodeEngineProject("us-south"));
        CeFixtures fixtures = new CeFixtures(client, project);

        assertThat(control("POST", "codeengine/timings?app_ready_ms=0&delete_ms=0")
                        .status())
                .isEqualTo(200);
        assertThat(control("POST", "codeengine/fail-image?image=icr.io/x/bad:1").status())
                .isEqualTo(200);
        fixtures.create("apps", CeFixtures.appBody("bad", "icr.io/x/bad:1"));
        assertThat(fixtures.get("apps", "bad").get("status").asText()).isEqualTo("failed");
        control("POST", "codeengine/heal-image?image=icr.io/x/bad:1");
        fixtures.create("apps", CeFixtures.appBody("good", "icr.io/x/bad:1"));
        assertThat(fixtures.get("apps", "good").get("status").asText()).isEqualTo("ready");
        client.delete(fixtures.url("apps", "good"));
        IbmErrorAssert.assertIbmError(client.get(fixtures.url("apps", "good")), 404);

        control("POST", "codeengine/timings?project_active_ms=60000");
        String slow = client.post(
                        simulator.codeEngineUrl("us-south") + "/projects",
                        SimClient.object().put("name", "slow"))
                .json()
                .get("id")
                .asText();
        assertThat(client.get(simulator.codeEngineUrl("us-south") + "/projects/" + slow)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("creating");
        simulator.setCodeEngineProjectActivation(Duration.ofMillis(200));
        simulator.setCodeEngineTimings(Duration.ofMillis(100), Duration.ofMillis(200));

        IbmErrorAssert.assertIbmError(control("POST", "codeengine/fail-image"), 400);
        IbmErrorAssert.assertIbmError(control("POST", "codeengine/sideways"), 404);
    }

    @Test
    void statsShowCodeEngineAndAppTrafficPerRegion() {
        String projectId = simulator.createCodeEngineProject("us-south");
        simulator.setCodeEngineTimings(Duration.ZERO, Duration.ofMillis(200));
        CeFixtures fixtures = new CeFixtures(client, CeFixtures.projectUrl(simulator, "us-south", projectId));
        String endpoint = fixtures.app("counted").get("endpoint").asText();
        simulator.resetStats();
        client.get(fixtures.url("apps"));
        client.getAnonymous(endpoint);

        JsonNode usSouth = control("GET", "stats").json().get("regions").get("us-south");
        assertThat(usSouth.get("calls").asInt()).isEqualTo(1);
        assertThat(usSouth.get("code_engine").get("list_calls").asInt()).isEqualTo(1);
        assertThat(usSouth.get("app_traffic").get("calls").asInt()).isEqualTo(1);
        simulator.setCodeEngineTimings(Duration.ofMillis(100), Duration.ofMillis(200));
    }
}
