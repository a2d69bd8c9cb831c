package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Code Engine calls share the region's faults, IAM tokens, access denials and stats with EN. */
class CeFaultsAndStatsTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-gb");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static String projectId;
    private static CeFixtures fixtures;
    private static String enSources;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        projectId = simulator.createCodeEngineProject("us-south");
        fixtures = new CeFixtures(client, CeFixtures.projectUrl(simulator, "us-south", projectId));
        enSources = client.instanceUrl("us-south", simulator.createEventNotificationsInstance("us-south")) + "/sources";
        client.token();
    }

    @Test
    void aRegionThatIsDownFailsItsCodeEngineCallsOnly() {
        String otherRegion = simulator.codeEngineUrl("eu-gb") + "/projects";
        simulator.faults("us-south").down(DownMode.UNAVAILABLE);

        JsonNode error = IbmErrorAssert.assertIbmError(client.get(fixtures.url("apps")), 503);
        assertThat(error.get("more_info").asText()).contains("codeengine");
        assertThat(client.get(otherRegion).status()).isEqualTo(200);

        simulator.faults("us-south").down(DownMode.CONNECTION_RESET);
        assertThatThrownBy(() -> client.post(
                        fixtures.url("config_maps"), SimClient.object().put("name", "lost")))
                .isInstanceOf(UncheckedIOException.class);

        simulator.faults("us-south").up();
        assertThat(client.get(fixtures.url("config_maps")).body()).doesNotContain("lost");
    }

    @Test
    void throttlingIsOneBudgetForBothApisOfTheRegion() {
        simulator.faults("us-south").throttle(2, Duration.ofSeconds(3));

        SimClient.Response throttled = client.get(fixtures.url("apps"));
        IbmErrorAssert.assertIbmError(throttled, 429);
        assertThat(throttled.header("Retry-After")).isEqualTo("3");
        assertThat(client.get(enSources).status()).isEqualTo(429);
        assertThat(client.get(fixtures.url("apps")).status()).isEqualTo(200);
    }

    @Test
    void latencyAndErrorRatesApply() {
        simulator.faults("us-south").latency(Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThat(client.get(fixtures.url("apps")).status()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(200);

        simulator.faults("us-south").latency(Duration.ZERO);
        simulator.faults("us-south").errorRate(1.0, 1);
        IbmErrorAssert.assertIbmError(client.get(simulator.codeEngineUrl("us-south") + "/projects"), 500);
    }

    @Test
    void statsCountCodeEngineCallsPerRegionAndKind() {
        simulator.resetStats();

        fixtures.configMap("counted"); // write 201
        client.get(fixtures.url("config_maps")); // list
        client.get(simulator.codeEngineUrl("us-south") + "/projects"); // list
        client.get(fixtures.url("config_maps", "counted")); // entity read
        client.get(fixtures.project()); // entity read
        client.get(fixtures.url("config_maps", "missing")); // entity read 404
        client.put(fixtures.url("config_maps", "counted"), SimClient.object(), "*"); // write
        client.delete(fixtures.url("config_maps", "counted")); // write 202
        client.get(fixtures.project() + "/status_details"); // other
        client.get(enSources); // EN list

        CallStats codeEngine = simulator.codeEngineStats("us-south");
        assertThat(codeEngine.calls()).isEqualTo(9);
        assertThat(codeEngine.listCalls()).isEqualTo(2);
        assertThat(codeEngine.entityReads()).isEqualTo(3);
        assertThat(codeEngine.writes()).isEqualTo(3);
        assertThat(codeEngine.byStatus())
                .containsEntry("200", 6L)
                .containsEntry("201", 1L)
                .containsEntry("202", 1L)
                .containsEntry("404", 1L);
        assertThat(simulator.eventNotificationsStats("us-south").calls()).isEqualTo(1);
        CallStats total = simulator.stats("us-south");
        assertThat(total.calls()).isEqualTo(10);
        assertThat(total.listCalls()).isEqualTo(3);
        assertThat(simulator.codeEngineStats("eu-gb").calls()).isZero();
        assertThat(simulator.iamStats().calls()).isZero();

        simulator.resetStats();
        assertThat(simulator.codeEngineStats("us-south").calls()).isZero();
        assertThat(simulator.stats("us-south").calls()).isZero();
    }

    @Test
    void codeEngineNeedsAValidTokenAndHonoursAccessDenials() {
        IbmErrorAssert.assertIbmError(
                client.send(HttpRequest.newBuilder(URI.create(fixtures.url("apps")))
                        .GET()
                        .build()),
                401);
        IbmErrorAssert.assertIbmError(
                client.send(HttpRequest.newBuilder(URI.create(fixtures.url("apps")))
                        .header("Authorization", "Bearer forged")
                        .GET()
                        .build()),
                401);

        SimClient intruder = new SimClient(simulator, "intruder");
        simulator.denyAccess("intruder", "us-south", projectId);
        JsonNode denied = IbmErrorAssert.assertIbmError(intruder.get(fixtures.url("apps")), 403);
        assertThat(denied.get("code").asText()).isEqualTo("authorization_error");
        assertThat(client.get(fixtures.url("apps")).status()).isEqualTo(200);
        simulator.allowAccess("intruder", "us-south", projectId);
        assertThat(intruder.get(fixtures.url("apps")).status()).isEqualTo(200);

        SimClient expiring = new SimClient(simulator, "expiring");
        expiring.token();
        simulator.expireAllTokens();
        IbmErrorAssert.assertIbmError(expiring.get(fixtures.url("apps")), 401);
        client.forgetToken();
    }
}
