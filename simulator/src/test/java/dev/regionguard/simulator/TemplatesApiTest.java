package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TemplatesApiTest extends InstanceApiTest {

    private static ObjectNode body(String name, String type, String text, String subject) {
        ObjectNode body = SimClient.object().put("name", name).put("type", type).put("description", "layout");
        ObjectNode params = body.putObject("params")
                .put("body", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        if (subject != null) {
            params.put("subject", subject);
        }
        return body;
    }

    @Test
    void paramsAreReturnedOnlyByCreate() {
        SimClient.Response created = client.post(
                base + "/templates", body("welcome", "smtp_custom.notification", "<p>Hello</p>", "Welcome!"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(fieldNames(created.json()))
                .containsExactly("id", "name", "description", "type", "params", "created_at");
        String id = created.json().get("id").asText();
        JsonNode read = client.get(base + "/templates/" + id).json();
        assertThat(fieldNames(read))
                .containsExactly(
                        "id", "name", "description", "type", "subscription_count", "subscription_names", "updated_at");
        assertThat(client.get(base + "/templates")
                        .json()
                        .get("templates")
                        .get(0)
                        .has("params"))
                .isFalse();

        JsonNode stored = simulator
                .eventNotificationsSnapshot(REGION, instanceId)
                .get("templates")
                .get(0);
        assertThat(new String(
                        Base64.getDecoder()
                                .decode(stored.get("params").get("body").asText()),
                        StandardCharsets.UTF_8))
                .isEqualTo("<p>Hello</p>");
        assertThat(stored.get("params").get("subject").asText()).isEqualTo("Welcome!");
    }

    @Test
    void putReplacesAndDeleteRemoves() {
        String id = client.post(base + "/templates", body("hook", "webhook.notification", "{}", null))
                .json()
                .get("id")
                .asText();

        SimClient.Response replaced =
                client.put(base + "/templates/" + id, body("hook-v2", "webhook.notification", "{\"v\":2}", null));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("name").asText()).isEqualTo("hook-v2");
        assertThat(replaced.json().has("params")).isFalse();
        IbmErrorAssert.assertIbmError(
                client.patch(base + "/templates/" + id, SimClient.object().put("name", "x")), 405);
        // a PUT is a replace: without params it is incomplete
        IbmErrorAssert.assertIbmError(
                client.put(
                        base + "/templates/" + id,
                        SimClient.object().put("name", "hook-v3").put("type", "webhook.notification")),
                400);

        assertThat(client.delete(base + "/templates/" + id).status()).isEqualTo(204);
        IbmErrorAssert.assertIbmError(client.get(base + "/templates/" + id), 404);
    }

    @Test
    void validatesTypeBodyEncodingSubjectAndNames() {
        IbmErrorAssert.assertIbmError(client.post(base + "/templates", body("t", "fax.notification", "x", null)), 400);
        ObjectNode plain = body("t", "slack.notification", "x", null);
        ((ObjectNode) plain.get("params")).put("body", "not base64 !!");
        IbmErrorAssert.assertIbmError(client.post(base + "/templates", plain), 400);
        IbmErrorAssert.assertIbmError(
                client.post(base + "/templates", body("t", "smtp_custom.invitation", "x", null)), 400);
        IbmErrorAssert.assertIbmError(
                client.post(
                        base + "/templates", SimClient.object().put("name", "t").put("type", "slack.notification")),
                400);

        assertThat(client.post(base + "/templates", body("dup", "slack.notification", "x", null))
                        .status())
                .isEqualTo(201);
        IbmErrorAssert.assertIbmError(
                client.post(base + "/templates", body("dup", "slack.notification", "y", null)), 409);
    }
}
