package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A partition cuts one caller (one API key: one vantage point) off from a region, and no one else. */
class PartitionTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "us-east");

    private static IbmCloudSimulator simulator;
    private static SimClient controller;
    private static SimClient witness;
    private static String usSouthEn;
    private static String usEastEn;
    private static String usSouthCe;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        controller = new SimClient(simulator, "controller-key");
        witness = new SimClient(simulator, "witness-key");
        usSouthEn =
                controller.instanceUrl("us-south", simulator.createEventNotificationsInstance("us-south")) + "/topics";
        usEastEn = controller.instanceUrl("us-east", simulator.createEventNotificationsInstance("us-east")) + "/topics";
        usSouthCe = simulator.baseUrl() + "/us-south/codeengine/v2/projects/"
                + simulator.createCodeEngineProject("us-south") + "?version=2025-06-01";
    }

    @AfterEach
    void heal() {
        simulator.faults("us-south").clear();
    }

    @Test
    void aPartitionedCallerGetsNoAnswerFromThatRegionWhileOthersAreServed() {
        simulator.faults("us-south").partition("controller-key");

        assertThatThrownBy(() -> controller.get(usSouthEn)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> controller.get(usSouthCe)).isInstanceOf(UncheckedIOException.class);
        assertThat(witness.get(usSouthEn).status()).isEqualTo(200);
        assertThat(witness.get(usSouthCe).status()).isEqualTo(200);
        assertThat(controller.get(usEastEn).status())
                .as("other regions still answer")
                .isEqualTo(200);
        assertThat(controller.requestToken("controller-key").status())
                .as("IAM is global")
                .isEqualTo(200);
    }

    @Test
    void healingEndsThePartitionAndClearEndsThemAll() {
        simulator.faults("us-south").partition("controller-key");
        simulator.faults("us-south").partition("witness-key");
        simulator.faults("us-south").heal("controller-key");

        assertThat(controller.get(usSouthEn).status()).isEqualTo(200);
        assertThatThrownBy(() -> witness.get(usSouthEn)).isInstanceOf(UncheckedIOException.class);

        simulator.faults("us-south").clear();
        assertThat(witness.get(usSouthEn).status()).isEqualTo(200);
    }

    @Test
    void theControlApiPartitionsAndHeals() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(control(http, "regions/us-south/partition?apikey=witness-key"))
                .isEqualTo(200);
        assertThatThrownBy(() -> witness.get(usSouthEn)).isInstanceOf(UncheckedIOException.class);
        assertThat(controller.get(usSouthEn).status()).isEqualTo(200);

        assertThat(control(http, "regions/us-south/heal?apikey=witness-key")).isEqualTo(200);
        assertThat(witness.get(usSouthEn).status()).isEqualTo(200);
        assertThat(control(http, "regions/us-south/partition"))
                .as("the key is required")
                .isEqualTo(400);
    }

    private static int control(HttpClient http, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/" + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
