package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Creates entities over HTTP for tests that need something to point at. */
final class Fixtures {

    private final SimClient client;
    private final String base;

    /** {@code base} is {@code <en url>/v1/instances/<id>}. */
    Fixtures(SimClient client, String base) {
        this.client = client;
        this.base = base;
    }

    String base() {
        return base;
    }

    String source(String name) {
        ObjectNode body = SimClient.object()
                .put("name", name)
                .put("description", "test source")
                .put("enabled", true);
        return created(client.post(base + "/sources", body));
    }

    static ObjectNode topicBody(String name, String sourceId) {
        ObjectNode body = SimClient.object().put("name", name).put("description", "test topic");
        ObjectNode rule = body.putArray("sources")
                .addObject()
                .put("id", sourceId)
                .putArray("rules")
                .addObject();
        rule.put("enabled", true);
        rule.put("event_type_filter", "$.*");
        rule.put("notification_filter", "$.notification_event_info.event_type == 'cert_manager'");
        return body;
    }

    String topic(String name, String sourceId) {
        return created(client.post(base + "/topics", topicBody(name, sourceId)));
    }

    static Multipart webhookForm(String name, String authorization) {
        return new Multipart()
                .text("name", name)
                .text("type", "webhook")
                .text("description", "hook")
                .text("collect_failed_events", "false")
                .json(
                        "config",
                        "{\"params\":{\"url\":\"https://hooks.example.com/x\",\"verb\":\"post\","
                                + "\"custom_headers\":{\"Authorization\":\"" + authorization + "\",\"X-Team\":\"ops\"},"
                                + "\"sensitive_headers\":[\"Authorization\"]}}");
    }

    String webhook(String name) {
        return created(client.multipart("POST", base + "/destinations", webhookForm(name, "Bearer s3cr3t")));
    }

    String subscription(String name, String topicId, String destinationId) {
        ObjectNode body =
                SimClient.object().put("name", name).put("topic_id", topicId).put("destination_id", destinationId);
        body.putObject("attributes").put("signing_enabled", true);
        return created(client.post(base + "/subscriptions", body));
    }

    /** The id of the first list item of that type, e.g. the built-in smtp_ibm destination. */
    String idOfType(String collection, String type) {
        for (JsonNode item :
                client.get(base + "/" + collection + "?limit=100").json().get(collection)) {
            if (type.equals(item.path("type").asText())) {
                return item.get("id").asText();
            }
        }
        throw new AssertionError("no " + type + " in " + collection);
    }

    private static String created(SimClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }
}
