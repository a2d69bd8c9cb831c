package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EnAuthTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-gb");

    private static IbmCloudSimulator simulator;
    private static SimClient client;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "owner-key");
    }

    @Test
    void callsWithoutATokenGet401() {
        String base = client.instanceUrl("us-south", simulator.createEventNotificationsInstance("us-south"));
        SimClient.Response response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/topics")).GET().build());
        IbmErrorAssert.assertIbmError(response, 401);
    }

    @Test
    void tokensNotIssuedByIamGet401() {
        String base = client.instanceUrl("us-south", simulator.createEventNotificationsInstance("us-south"));
        SimClient.Response response = client.send(HttpRequest.newBuilder(URI.create(base + "/topics"))
                .header("Authorization", "Bearer made-up")
                .GET()
                .build());
        IbmErrorAssert.assertIbmError(response, 401);
    }

    @Test
    void deniedKeysGet403OnThatInstanceOnly() {
        String denied = simulator.createEventNotificationsInstance("us-south");
        String other = simulator.createEventNotificationsInstance("us-south");
        SimClient intruder = new SimClient(simulator, "intruder-key");

        simulator.denyAccess("intruder-key", "us-south", denied);

        var error =
                IbmErrorAssert.assertIbmError(intruder.get(intruder.instanceUrl("us-south", denied) + "/topics"), 403);
        assertThat(error.get("code").asText()).isEqualTo("authorization_error");
        assertThat(intruder.get(intruder.instanceUrl("us-south", other) + "/topics")
                        .status())
                .isEqualTo(200);
        assertThat(client.get(client.instanceUrl("us-south", denied) + "/topics")
                        .status())
                .isEqualTo(200);

        simulator.allowAccess("intruder-key", "us-south", denied);
        assertThat(intruder.get(intruder.instanceUrl("us-south", denied) + "/topics")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void unknownRegionsInstancesAndPathsGet404() {
        String instance = simulator.createEventNotificationsInstance("us-south");
        String unknownRegion = simulator.baseUrl() + "/jp-tok/event-notifications/v1/instances/" + instance;
        IbmErrorAssert.assertIbmError(client.get(unknownRegion + "/topics"), 404);
        // instances live in one region only
        IbmErrorAssert.assertIbmError(client.get(client.instanceUrl("eu-gb", instance) + "/topics"), 404);
        IbmErrorAssert.assertIbmError(client.get(client.instanceUrl("us-south", instance) + "/metrics"), 404);
        IbmErrorAssert.assertIbmError(client.get(simulator.baseUrl() + "/us-south/nothing-here/v1"), 404);
    }

    @Test
    void urlsFollowTheTemplates() {
        assertThat(simulator.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(simulator.iamUrl()).isEqualTo(simulator.baseUrl() + "/iam");
        assertThat(simulator.eventNotificationsTemplate())
                .isEqualTo(simulator.baseUrl() + "/{region}/event-notifications");
        assertThat(simulator.eventNotificationsUrl("eu-gb"))
                .isEqualTo(simulator.baseUrl() + "/eu-gb/event-notifications");
        assertThat(simulator.codeEngineTemplate()).isEqualTo(simulator.baseUrl() + "/{region}/codeengine/v2");
        assertThat(simulator.regions()).containsExactly("us-south", "eu-gb");
    }
}
