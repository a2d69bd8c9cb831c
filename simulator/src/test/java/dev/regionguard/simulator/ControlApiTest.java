package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ControlApiTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-gb");

    private static IbmCloudSimulator simulator;
    private static SimClient client;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
    }

    private static SimClient.Response control(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/" + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static String newInstance() {
        SimClient.Response created = control("POST", "regions/us-south/instances", null, null);
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("instance_id").asText();
    }

    @Test
    void createsInstancesOptionallySeeded() {
        String id = newInstance();
        assertThat(client.get(client.instanceUrl("us-south", id) + "/destinations")
                        .json()
                        .get("total_count")
                        .asInt())
                .isEqualTo(2);
        JsonNode listed =
                control("GET", "regions/us-south/instances", null, null).json();
        assertThat(listed.get("instance_ids").toString()).contains(id);

        JsonNode seeded = control(
                        "POST", "regions/us-south/instances?instance_id=my-instance&entities=50&seed=5", null, null)
                .json();
        assertThat(seeded.get("instance_id").asText()).isEqualTo("my-instance");
        assertThat(seeded.get("entity_count").asInt()).isEqualTo(50);
        JsonNode snapshot = control("GET", "regions/us-south/instances/my-instance/snapshot", null, null)
                .json();
        assertThat(snapshot.get("topics")).hasSize(10);
    }

    @Test
    void drivesFaults() {
        String sources = client.instanceUrl("us-south", newInstance()) + "/sources";

        assertThat(control("POST", "regions/us-south/down?mode=UNAVAILABLE", null, null)
                        .status())
                .isEqualTo(200);
        assertThat(client.get(sources).status()).isEqualTo(503);
        control("POST", "regions/us-south/down?mode=CONNECTION_RESET", null, null);
        assertThatThrownBy(() -> client.get(sources)).isInstanceOf(UncheckedIOException.class);
        control("POST", "regions/us-south/up", null, null);
        assertThat(client.get(sources).status()).isEqualTo(200);

        control("POST", "regions/us-south/throttle?count=1&retryAfter=3", null, null);
        assertThat(client.get(sources).header("Retry-After")).isEqualTo("3");
        control("POST", "regions/us-south/error-rate?rate=1", null, null);
        assertThat(client.get(sources).status()).isEqualTo(500);
        control("POST", "regions/us-south/error-rate?rate=0", null, null);

        control("POST", "regions/us-south/latency?ms=300", null, null);
        long start = System.nanoTime();
        assertThat(client.get(sources).status()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
        control("POST", "regions/us-south/latency?ms=0", null, null);

        IbmErrorAssert.assertIbmError(control("POST", "regions/us-south/down?mode=SIDEWAYS", null, null), 400);
        IbmErrorAssert.assertIbmError(control("POST", "regions/mars-north/up", null, null), 404);
        IbmErrorAssert.assertIbmError(control("POST", "regions/us-south/latency", null, null), 400);
    }

    @Test
    void revokesKeysFromFormOrJson() {
        assertThat(control("POST", "revoke", "application/x-www-form-urlencoded", "apikey=form-key")
                        .status())
                .isEqualTo(200);
        assertThat(control("POST", "revoke", "application/json", "{\"apikey\":\"json-key\"}")
                        .status())
                .isEqualTo(200);

        assertThat(client.requestToken("form-key").status()).isEqualTo(400);
        assertThat(client.requestToken("json-key").status()).isEqualTo(400);
        assertThat(client.requestToken("other-key").status()).isEqualTo(200);
        IbmErrorAssert.assertIbmError(control("POST", "revoke", "application/json", "{}"), 400);
    }

    @Test
    void reportsStatsWithoutCountingItself() {
        String sources = client.instanceUrl("us-south", newInstance()) + "/sources";
        client.token();
        simulator.resetStats();
        client.get(sources);
        client.get(sources + "/nope");

        JsonNode stats = control("GET", "stats", null, null).json();
        JsonNode usSouth = stats.get("regions").get("us-south");
        assertThat(usSouth.get("calls").asInt()).isEqualTo(2);
        assertThat(usSouth.get("list_calls").asInt()).isEqualTo(1);
        assertThat(usSouth.get("entity_reads").asInt()).isEqualTo(1);
        assertThat(usSouth.get("by_status").get("404").asInt()).isEqualTo(1);
        assertThat(stats.get("regions").get("eu-gb").get("calls").asInt()).isZero();
        assertThat(stats.get("iam").get("calls").asInt()).isZero();
        assertThat(simulator.stats("us-south").calls()).isEqualTo(2);
    }
}
