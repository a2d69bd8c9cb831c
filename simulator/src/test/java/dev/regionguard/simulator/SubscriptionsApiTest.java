package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionsApiTest extends InstanceApiTest {

    private String topic;
    private String hook;

    @BeforeEach
    void createTopicAndDestination() {
        topic = fixtures.topic("orders-topic", fixtures.source("orders-source"));
        hook = fixtures.webhook("orders-hook");
    }

    @Test
    void createGetListWithDerivedFields() {
        ObjectNode body = SimClient.object()
                .put("name", "orders-to-hook")
                .put("description", "d")
                .put("topic_id", topic)
                .put("destination_id", hook);
        body.putObject("attributes").put("signing_enabled", true);
        SimClient.Response created = client.post(base + "/subscriptions", body);

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JsonNode read = client.get(base + "/subscriptions/" + id).json();
        assertThat(read.get("destination_type").asText()).isEqualTo("webhook");
        assertThat(read.get("destination_name").asText()).isEqualTo("orders-hook");
        assertThat(read.get("topic_name").asText()).isEqualTo("orders-topic");
        assertThat(read.get("attributes").get("signing_enabled").asBoolean()).isTrue();

        JsonNode item =
                client.get(base + "/subscriptions").json().get("subscriptions").get(0);
        assertThat(fieldNames(item))
                .containsExactly(
                        "id",
                        "name",
                        "description",
                        "updated_at",
                        "destination_type",
                        "destination_id",
                        "destination_name",
                        "topic_id",
                        "topic_name");

        SimClient.Response patched = client.patch(
                base + "/subscriptions/" + id,
                SimClient.object()
                        .put("name", "orders-to-hook-2")
                        .set("attributes", SimClient.object().put("signing_enabled", false)));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("name").asText()).isEqualTo("orders-to-hook-2");
        assertThat(patched.json().get("attributes").get("signing_enabled").asBoolean())
                .isFalse();
        assertThat(patched.json().get("updated_at").asText())
                .isGreaterThan(read.get("updated_at").asText());

        assertThat(client.delete(base + "/subscriptions/" + id).status()).isEqualTo(204);
    }

    @Test
    void emailRecipientsAreInvitedAndEditedWithAddRemove() {
        String email = fixtures.idOfType("destinations", "smtp_ibm");
        ObjectNode body = SimClient.object()
                .put("name", "mail-sub")
                .put("topic_id", topic)
                .put("destination_id", email);
        body.putObject("attributes")
                .put("reply_to_mail", "noreply@example.com")
                .putArray("invited")
                .add("a@example.com")
                .add("b@example.com");
        JsonNode created = client.post(base + "/subscriptions", body).json();

        assertThat(created.get("from").asText()).contains("@");
        JsonNode invited = created.get("attributes").get("invited");
        assertThat(invited).extracting(i -> i.get("email").asText()).containsExactly("a@example.com", "b@example.com");
        assertThat(invited.get(0).get("expires_at").asText())
                .isGreaterThan(invited.get(0).get("updated_at").asText());
        assertThat(created.get("attributes").get("subscribed")).isEmpty();

        ObjectNode patch = SimClient.object();
        ObjectNode changes = patch.putObject("attributes").putObject("invited");
        changes.putArray("add").add("c@example.com");
        changes.putArray("remove").add("a@example.com");
        JsonNode patched = client.patch(
                        base + "/subscriptions/" + created.get("id").asText(), patch)
                .json();

        assertThat(patched.get("attributes").get("invited"))
                .extracting(i -> i.get("email").asText())
                .containsExactly("b@example.com", "c@example.com");
        assertThat(patched.get("attributes").get("reply_to_mail").asText()).isEqualTo("noreply@example.com");

        ObjectNode noInvites = SimClient.object()
                .put("name", "mail-sub-2")
                .put("topic_id", topic)
                .put("destination_id", email);
        IbmErrorAssert.assertIbmError(client.post(base + "/subscriptions", noInvites), 400);
    }

    @Test
    void topicAndDestinationAreImmutableAndMustExist() {
        String id = fixtures.subscription("fixed-sub", topic, hook);
        IbmErrorAssert.assertIbmError(
                client.patch(base + "/subscriptions/" + id, SimClient.object().put("topic_id", topic)), 400);
        IbmErrorAssert.assertIbmError(
                client.patch(base + "/subscriptions/" + id, SimClient.object().put("destination_id", hook)), 400);
        IbmErrorAssert.assertIbmError(client.put(base + "/subscriptions/" + id, SimClient.object()), 405);

        IbmErrorAssert.assertIbmError(
                client.post(
                        base + "/subscriptions",
                        SimClient.object()
                                .put("name", "s")
                                .put("topic_id", "00000000-0000-0000-0000-000000000000")
                                .put("destination_id", hook)),
                400);
        IbmErrorAssert.assertIbmError(
                client.post(
                        base + "/subscriptions",
                        SimClient.object().put("name", "s").put("topic_id", topic)),
                400);
        IbmErrorAssert.assertIbmError(
                client.post(
                        base + "/subscriptions",
                        SimClient.object()
                                .put("name", "fixed-sub")
                                .put("topic_id", topic)
                                .put("destination_id", hook)),
                409);
    }

    @Test
    void notificationTemplatesMustExistAndMatchTheDestinationType() {
        String slackTemplate = template("slack-layout", "slack.notification");
        String webhookTemplate = template("hook-layout", "webhook.notification");
        ObjectNode body = SimClient.object()
                .put("name", "templated")
                .put("topic_id", topic)
                .put("destination_id", hook);
        ObjectNode attributes = body.putObject("attributes").put("template_id_notification", slackTemplate);
        IbmErrorAssert.assertIbmError(client.post(base + "/subscriptions", body), 400);

        attributes.put("template_id_notification", "11111111-1111-1111-1111-111111111111");
        IbmErrorAssert.assertIbmError(client.post(base + "/subscriptions", body), 400);

        attributes.put("template_id_notification", webhookTemplate);
        assertThat(client.post(base + "/subscriptions", body).status()).isEqualTo(201);
        JsonNode template = client.get(base + "/templates/" + webhookTemplate).json();
        assertThat(template.get("subscription_count").asInt()).isEqualTo(1);
        assertThat(template.get("subscription_names").get(0).asText()).isEqualTo("templated");
        IbmErrorAssert.assertIbmError(client.delete(base + "/templates/" + webhookTemplate), 409);
    }

    @Test
    void slackDirectMessageChannelsChangeByOperationsAndStayWhenLeftOut() {
        String dm = created(client.multipart(
                "POST",
                base + "/destinations",
                new Multipart()
                        .text("name", "dm")
                        .text("type", "slack")
                        .json("config", "{\"params\":{\"type\":\"direct_message\",\"token\":\"xoxb-1\"}}")));
        ObjectNode body = SimClient.object()
                .put("name", "orders-to-dm")
                .put("topic_id", topic)
                .put("destination_id", dm);
        body.putObject("attributes").putArray("channels").add(channel("C1")).add(channel("C2"));
        String id = created(client.post(base + "/subscriptions", body));
        String url = base + "/subscriptions/" + id;

        ObjectNode operations = SimClient.object();
        operations
                .putArray("channels")
                .add(channel("C3").put("operation", "add"))
                .add(channel("C1").put("operation", "remove"))
                .add(channel("C2").put("operation", "add"));
        assertThat(client.patch(url, SimClient.object().set("attributes", operations))
                        .status())
                .isEqualTo(200);
        assertThat(client.get(url).json().at("/attributes/channels")).isEqualTo(channels("C2", "C3"));

        ObjectNode withoutChannels = SimClient.object().put("description", "no channel change");
        withoutChannels.putObject("attributes");
        assertThat(client.patch(url, withoutChannels).status()).isEqualTo(200);
        assertThat(client.get(url).json().at("/attributes/channels")).isEqualTo(channels("C2", "C3"));

        ObjectNode plain = SimClient.object();
        plain.putArray("channels").add(channel("C9"));
        IbmErrorAssert.assertIbmError(client.patch(url, SimClient.object().set("attributes", plain)), 400);
        assertThat(client.get(url).json().at("/attributes/channels")).isEqualTo(channels("C2", "C3"));
    }

    private static ArrayNode channels(String... ids) {
        ArrayNode channels = SimClient.object().arrayNode();
        for (String id : ids) {
            channels.add(channel(id));
        }
        return channels;
    }

    private static ObjectNode channel(String id) {
        return SimClient.object().put("id", id);
    }

    private static String created(SimClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private String template(String name, String type) {
        ObjectNode body = SimClient.object().put("name", name).put("type", type);
        body.putObject("params")
                .put("body", Base64.getEncoder().encodeToString("{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8)));
        return client.post(base + "/templates", body).json().get("id").asText();
    }
}
