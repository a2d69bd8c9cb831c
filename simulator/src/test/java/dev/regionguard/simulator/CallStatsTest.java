package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallStatsTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-gb");

    private static IbmCloudSimulator simulator;
    private static SimClient client;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
    }

    @Test
    void countsListsEntityReadsWritesAndStatusesPerRegion() {
        String base = client.instanceUrl("us-south", simulator.createEventNotificationsInstance("us-south"));
        Fixtures fixtures = new Fixtures(client, base);
        client.token();
        simulator.resetStats();

        String source = fixtures.source("s1"); // write 201
        client.get(base + "/sources"); // list
        client.get(base + "/sources?limit=1"); // list
        client.get(base + "/sources/" + source); // entity read
        client.get(base + "/sources/missing"); // entity read 404
        client.patch(base + "/sources/" + source, SimClient.object().put("enabled", false)); // write
        client.delete(base + "/sources/" + source); // write 204
        String config = client.post(
                        base + "/smtp/config",
                        SimClient.object().put("name", "c").put("domain", "d.example.com"))
                .json()
                .get("id")
                .asText();
        client.get(base + "/smtp/config/" + config + "/users"); // list
        simulator.faults("us-south").throttle(1, Duration.ofSeconds(1));
        client.get(base + "/topics"); // list 429

        CallStats stats = simulator.stats("us-south");
        assertThat(stats.calls()).isEqualTo(10);
        assertThat(stats.listCalls()).isEqualTo(4);
        assertThat(stats.entityReads()).isEqualTo(2);
        assertThat(stats.writes()).isEqualTo(4);
        assertThat(stats.byStatus())
                .containsEntry("200", 5L)
                .containsEntry("201", 2L)
                .containsEntry("204", 1L)
                .containsEntry("404", 1L)
                .containsEntry("429", 1L);
        assertThat(simulator.stats("eu-gb").calls()).isZero();
        assertThat(simulator.iamStats().calls()).isZero();
    }

    @Test
    void iamAndControlCallsAreKeptApart() {
        simulator.resetStats();
        new SimClient(simulator, "fresh").token();
        client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/stats"))
                .GET()
                .build());

        assertThat(simulator.iamStats().calls()).isEqualTo(1);
        assertThat(simulator.iamStats().status(200)).isEqualTo(1);
        assertThat(simulator.stats("us-south").calls()).isZero();

        simulator.resetStats();
        assertThat(simulator.iamStats().calls()).isZero();
        assertThat(simulator.iamStats().byStatus()).isEmpty();
    }
}
