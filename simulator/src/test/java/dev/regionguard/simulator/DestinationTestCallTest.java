package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /destinations/{id}/test}, as IBM's Go SDK {@code TestDestination} sends it: no body. */
class DestinationTestCallTest extends InstanceApiTest {

    private SimClient.Response test(String destinationId) {
        return client.send(client.authorized(base + "/destinations/" + destinationId + "/test")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private String slack(String name) {
        Multipart form = new Multipart()
                .text("name", name)
                .text("type", "slack")
                .json("config", "{\"params\":{\"type\":\"incoming_webhook\",\"url\":\"https://hooks.slack.com/x\"}}");
        SimClient.Response created = client.multipart("POST", base + "/destinations", form);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void slackTestSucceedsAndCountsAsAWrite() {
        String id = slack("ops-slack");
        simulator.resetStats();

        SimClient.Response response = test(id);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(fieldNames(response.json())).containsExactly("status");
        assertThat(response.json().get("status").asText()).isEqualTo("success");
        CallStats stats = simulator.eventNotificationsStats(REGION);
        assertThat(stats.calls()).isEqualTo(1);
        assertThat(stats.writes()).isEqualTo(1);
        assertThat(stats.status(200)).isEqualTo(1);
    }

    @Test
    void webhookTestIsAcceptedWithANotificationId() {
        SimClient.Response response = test(fixtures.webhook("ops-hook"));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode body = response.json();
        assertThat(fieldNames(body)).containsExactly("status", "notification_id");
        assertThat(body.get("status").asText()).isEqualTo("accepted");
        assertThat(UUID.fromString(body.get("notification_id").asText())).isNotNull();
    }

    @Test
    void typesWithoutATestAnswer400() {
        JsonNode error = IbmErrorAssert.assertIbmError(test(fixtures.idOfType("destinations", "smtp_ibm")), 400);
        assertThat(error.get("message").asText()).contains("smtp_ibm").contains("does not support a test");

        Multipart android = new Multipart()
                .text("name", "phones")
                .text("type", "push_android")
                .json("config", "{\"params\":{}}");
        String androidId = client.multipart("POST", base + "/destinations", android)
                .json()
                .get("id")
                .asText();
        IbmErrorAssert.assertIbmError(test(androidId), 400);
    }

    @Test
    void unknownDestinationAnswers404AsItsGetDoes() {
        String missing = UUID.randomUUID().toString();
        IbmErrorAssert.assertIbmError(client.get(base + "/destinations/" + missing), 404);
        IbmErrorAssert.assertIbmError(test(missing), 404);
        IbmErrorAssert.assertIbmError(
                client.send(client.authorized(
                                client.instanceUrl(REGION, "no-such-instance") + "/destinations/" + missing + "/test")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build()),
                404);
    }

    @Test
    void onlyPostIsAllowed() {
        IbmErrorAssert.assertIbmError(client.get(base + "/destinations/" + slack("get-slack") + "/test"), 405);
    }

    @Test
    void withoutATokenAnswers401() {
        String id = slack("anonymous-slack");
        SimClient.Response response =
                client.send(HttpRequest.newBuilder(URI.create(base + "/destinations/" + id + "/test"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        IbmErrorAssert.assertIbmError(response, 401);
    }

    @Test
    void aRegionThatIsDownAnswers503() {
        String id = slack("down-slack");
        simulator.faults(REGION).down(DownMode.UNAVAILABLE);

        IbmErrorAssert.assertIbmError(test(id), 503);

        simulator.faults(REGION).up();
        assertThat(test(id).status()).isEqualTo(200);
    }

    @Test
    void aFailingEndPointGivesStatusFailedWithItsAnswer() {
        String id = slack("broken-slack");

        simulator.outside().failDestinationTests(REGION, instanceId, "broken-slack", true);
        SimClient.Response failed = test(id);

        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(fieldNames(failed.json())).containsExactly("status", "response_code", "response_message");
        assertThat(failed.json().get("status").asText()).isEqualTo("failed");
        assertThat(failed.json().get("response_code").asInt()).isEqualTo(500);
        assertThat(failed.json().get("response_message").asText()).isEqualTo("Internal Server Error");

        simulator.outside().failDestinationTests(REGION, instanceId, id, 404, "no_service");
        assertThat(test(id).json().get("response_code").asInt()).isEqualTo(404);
        assertThat(test(id).json().get("response_message").asText()).isEqualTo("no_service");

        simulator.outside().failDestinationTests(REGION, instanceId, id, false);
        assertThat(test(id).json().get("status").asText()).isEqualTo("success");
    }
}
