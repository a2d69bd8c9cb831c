package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** App revisions, ready and failed transitions, and the endpoint served for each app. */
class CeAppsTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static String projectId;
    private static CeFixtures fixtures;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        projectId = simulator.createCodeEngineProject("us-south");
        fixtures = new CeFixtures(client, CeFixtures.projectUrl(simulator, "us-south", projectId));
    }

    private static JsonNode app(String name) {
        return fixtures.get("apps", name);
    }

    private static String status(String name) {
        return app(name).get("status").asText();
    }

    @Test
    void everyChangeToWhatRunsMakesARevisionThatDeploysThenServes() {
        simulator.setCodeEngineTimings(Duration.ofMillis(100), Duration.ofMillis(100));
        JsonNode created = fixtures.app("rolling");

        assertThat(created.get("status").asText()).isEqualTo("deploying");
        assertThat(created.get("status_details").get("latest_created_revision").asText())
                .isEqualTo("rolling-00001");
        assertThat(created.get("status_details").has("latest_ready_revision")).isFalse();
        assertThat(created.get("status_details").get("reason").asText()).isEqualTo("deploying");
        CeFixtures.eventually().until(() -> status("rolling").equals("ready"));
        assertThat(app("rolling")
                        .get("status_details")
                        .get("latest_ready_revision")
                        .asText())
                .isEqualTo("rolling-00001");

        JsonNode patched = client.mergePatch(
                        fixtures.url("apps", "rolling"), SimClient.object().put("scale_min_instances", 1), "*")
                .json();
        assertThat(patched.get("status").asText()).isEqualTo("deploying");
        assertThat(patched.get("status_details").get("latest_created_revision").asText())
                .isEqualTo("rolling-00002");
        assertThat(patched.get("status_details").get("latest_ready_revision").asText())
                .isEqualTo("rolling-00001");
        CeFixtures.eventually()
                .until(() -> app("rolling")
                        .get("status_details")
                        .path("latest_ready_revision")
                        .asText()
                        .equals("rolling-00002"));
        assertThat(status("rolling")).isEqualTo("ready");

        // visibility is routing: no new revision
        JsonNode routed = client.mergePatch(
                        fixtures.url("apps", "rolling"),
                        SimClient.object().put("managed_domain_mappings", "local_private"),
                        "*")
                .json();
        assertThat(routed.get("status_details").get("latest_created_revision").asText())
                .isEqualTo("rolling-00002");

        JsonNode revisions = client.get(fixtures.url("apps", "rolling") + "/revisions")
                .json()
                .get("revisions");
        assertThat(revisions).extracting(r -> r.get("name").asText()).containsExactly("rolling-00001", "rolling-00002");
        JsonNode second = client.get(fixtures.url("apps", "rolling") + "/revisions/rolling-00002")
                .json();
        assertThat(second.get("app_name").asText()).isEqualTo("rolling");
        assertThat(second.get("resource_type").asText()).isEqualTo("app_revision_v2");
        assertThat(second.get("scale_min_instances").asInt()).isEqualTo(1);
        assertThat(second.get("status").asText()).isEqualTo("ready");
        assertThat(second.get("status_details").get("actual_instances").asInt()).isEqualTo(1);
        IbmErrorAssert.assertIbmError(client.get(fixtures.url("apps", "rolling") + "/revisions/rolling-00009"), 404);
    }

    @Test
    void aBrokenImageFailsTheAppOrLeavesTheOldRevisionServing() {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(100));
        simulator.failImage("us.icr.io/team/broken:2");

        fixtures.create("apps", CeFixtures.appBody("broken", "us.icr.io/team/broken:2"));
        CeFixtures.eventually().until(() -> status("broken").equals("failed"));
        JsonNode failed = app("broken");
        assertThat(failed.get("status_details").get("reason").asText()).isEqualTo("image_pull_back_off");
        assertThat(failed.get("status_details").has("latest_ready_revision")).isFalse();
        assertThat(client.get(fixtures.url("apps", "broken") + "/revisions/broken-00001")
                        .json()
                        .get("status_details")
                        .get("reason")
                        .asText())
                .isEqualTo("image_pull_back_off");
        assertThat(client.getAnonymous(failed.get("endpoint").asText()).status())
                .isEqualTo(503);

        client.mergePatch(
                fixtures.url("apps", "broken"), SimClient.object().put("image_reference", CeFixtures.IMAGE), "*");
        CeFixtures.eventually().until(() -> status("broken").equals("ready"));

        client.mergePatch(
                fixtures.url("apps", "broken"),
                SimClient.object().put("image_reference", "us.icr.io/team/broken:2"),
                "*");
        CeFixtures.eventually().until(() -> status("broken").equals("warning"));
        JsonNode warning = app("broken");
        assertThat(warning.get("status_details").get("reason").asText()).isEqualTo("ready_but_latest_revision_failed");
        assertThat(warning.get("status_details").get("latest_created_revision").asText())
                .isEqualTo("broken-00003");
        assertThat(warning.get("status_details").get("latest_ready_revision").asText())
                .isEqualTo("broken-00002");
        SimClient.Response served = client.getAnonymous(warning.get("endpoint").asText());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.json().get("revision").asText()).isEqualTo("broken-00002");

        simulator.healImage("us.icr.io/team/broken:2");
        client.mergePatch(fixtures.url("apps", "broken"), SimClient.object().put("scale_max_instances", 2), "*");
        CeFixtures.eventually().until(() -> status("broken").equals("ready"));
        assertThat(app("broken")
                        .get("status_details")
                        .get("latest_ready_revision")
                        .asText())
                .isEqualTo("broken-00004");
    }

    @Test
    void theEndpointAnswers200WhileReadyAnd503WhileNothingIsReady() {
        simulator.setCodeEngineTimings(Duration.ofMinutes(10), Duration.ofMillis(100));
        JsonNode slow = fixtures.app("slow");
        simulator.setCodeEngineTimings(Duration.ZERO, Duration.ofMillis(100));
        JsonNode quick = fixtures.app("quick");

        String endpoint = quick.get("endpoint").asText();
        assertThat(endpoint).isEqualTo(simulator.baseUrl() + "/apps/us-south/" + projectId + "/quick/");
        assertThat(quick.get("status").asText()).isEqualTo("ready");
        SimClient.Response ok = client.getAnonymous(endpoint + "healthz");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("app").asText()).isEqualTo("quick");
        assertThat(ok.json().get("region").asText()).isEqualTo("us-south");
        assertThat(ok.json().get("revision").asText()).isEqualTo("quick-00001");
        assertThat(client.getAnonymous(endpoint + "any/path?x=1").status()).isEqualTo(200);

        SimClient.Response deploying = client.getAnonymous(slow.get("endpoint").asText());
        assertThat(deploying.status()).isEqualTo(503);
        assertThat(deploying.json().get("status").asText()).isEqualTo("deploying");

        JsonNode local = fixtures.create(
                "apps", CeFixtures.appBody("internal-only", CeFixtures.IMAGE).put("managed_domain_mappings", "local"));
        assertThat(local.has("endpoint")).isFalse();
        assertThat(client.getAnonymous(endpoint.replace("/quick/", "/internal-only/"))
                        .status())
                .isEqualTo(404);
        assertThat(client.getAnonymous(endpoint.replace("/quick/", "/nobody/")).status())
                .isEqualTo(404);
        assertThat(client.getAnonymous(endpoint.replace("/us-south/", "/eu-de/"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theEndpointGoesAwayWithTheApp() {
        simulator.setCodeEngineTimings(Duration.ZERO, Duration.ofMinutes(10));
        String endpoint = fixtures.app("short-lived").get("endpoint").asText();
        assertThat(client.getAnonymous(endpoint).status()).isEqualTo(200);

        client.delete(fixtures.url("apps", "short-lived"));
        SimClient.Response deleting = client.getAnonymous(endpoint);
        assertThat(deleting.status()).isEqualTo(503);
        assertThat(deleting.json().get("status").asText()).isEqualTo("deleting");

        simulator.setCodeEngineTimings(Duration.ZERO, Duration.ZERO);
        fixtures.app("gone-at-once");
        client.delete(fixtures.url("apps", "gone-at-once"));
        assertThat(client.getAnonymous(endpoint.replace("short-lived", "gone-at-once"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theEndpointFollowsTheRegionsOutageButNotItsApiThrottling() {
        simulator.setCodeEngineTimings(Duration.ZERO, Duration.ofMillis(100));
        String endpoint = fixtures.app("regional").get("endpoint").asText();
        simulator.resetStats();

        simulator.faults("us-south").down(DownMode.UNAVAILABLE);
        IbmErrorAssert.assertIbmError(client.getAnonymous(endpoint), 503);
        simulator.faults("us-south").down(DownMode.CONNECTION_RESET);
        assertThatThrownBy(() -> client.getAnonymous(endpoint)).isInstanceOf(UncheckedIOException.class);
        simulator.faults("us-south").up();
        assertThat(client.getAnonymous(endpoint).status()).isEqualTo(200);

        simulator.faults("us-south").throttle(1, Duration.ofSeconds(1));
        simulator.faults("us-south").errorRate(1.0, 3);
        assertThat(client.getAnonymous(endpoint).status()).isEqualTo(200);
        assertThat(client.get(fixtures.url("apps")).status()).isEqualTo(429);
        assertThat(client.get(fixtures.url("apps")).status()).isEqualTo(500);

        CallStats traffic = simulator.appTrafficStats("us-south");
        assertThat(traffic.calls()).isGreaterThanOrEqualTo(4);
        assertThat(traffic.status(200)).isEqualTo(2);
        assertThat(traffic.byStatus()).containsKey(CallStats.NO_RESPONSE);
        assertThat(simulator.stats("us-south").calls()).isEqualTo(2);
    }

    @Test
    void oldRevisionsAreDroppedButTheServingOneStays() {
        simulator.setCodeEngineTimings(Duration.ZERO, Duration.ofMillis(100));
        simulator.failImage("icr.io/team/never:1");
        fixtures.app("busy");
        for (int i = 1; i <= 24; i++) {
            client.mergePatch(
                    fixtures.url("apps", "busy"),
                    SimClient.object()
                            .put("image_reference", "icr.io/team/never:1")
                            .put("scale_max_instances", i),
                    "*");
        }

        JsonNode revisions = client.get(fixtures.url("apps", "busy") + "/revisions?limit=100")
                .json()
                .get("revisions");
        assertThat(revisions).hasSize(20);
        assertThat(revisions.get(0).get("name").asText()).isEqualTo("busy-00001");
        assertThat(revisions.get(19).get("name").asText()).isEqualTo("busy-00025");
        JsonNode busy = app("busy");
        assertThat(busy.get("status").asText()).isEqualTo("warning");
        assertThat(busy.get("status_details").get("latest_ready_revision").asText())
                .isEqualTo("busy-00001");
    }
}
