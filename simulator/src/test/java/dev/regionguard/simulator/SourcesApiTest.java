package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SourcesApiTest extends InstanceApiTest {

    @Test
    void createGetListPatchDeleteApiSource() {
        ObjectNode body = SimClient.object()
                .put("name", "orders-source")
                .put("description", "orders")
                .put("enabled", true);
        SimClient.Response created = client.post(base + "/sources", body);

        assertThat(created.status()).isEqualTo(201);
        JsonNode source = created.json();
        assertThat(fieldNames(source))
                .containsExactly("id", "name", "description", "enabled", "store_notifications", "created_at");
        String id = source.get("id").asText();
        assertThat(source.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        JsonNode read = client.get(base + "/sources/" + id).json();
        assertThat(read.get("type").asText()).isEqualTo("api");
        assertThat(read.get("topic_count").asInt()).isZero();
        assertThat(read.get("topic_names")).isEmpty();
        assertThat(read.get("updated_at").asText())
                .isEqualTo(source.get("created_at").asText());

        SimClient.Response patched = client.patch(
                base + "/sources/" + id,
                SimClient.object().put("name", "orders-source-v2").put("enabled", false));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("name").asText()).isEqualTo("orders-source-v2");
        assertThat(patched.json().get("enabled").asBoolean()).isFalse();
        assertThat(patched.json().get("description").asText()).isEqualTo("orders");
        assertThat(patched.json().get("updated_at").asText())
                .isGreaterThan(read.get("updated_at").asText());

        IbmErrorAssert.assertIbmError(client.put(base + "/sources/" + id, body), 405);

        SimClient.Response deleted = client.delete(base + "/sources/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        IbmErrorAssert.assertIbmError(client.get(base + "/sources/" + id), 404);
        IbmErrorAssert.assertIbmError(client.delete(base + "/sources/" + id), 404);
    }

    @Test
    void listItemsLeaveOutTopicNames() {
        fixtures.source("billing-source");
        JsonNode list = client.get(base + "/sources").json();
        JsonNode item = list.get("sources").get(list.get("sources").size() - 1);
        assertThat(fieldNames(item))
                .containsExactly(
                        "id",
                        "name",
                        "description",
                        "enabled",
                        "store_notifications",
                        "type",
                        "updated_at",
                        "topic_count");
    }

    @Test
    void builtInSourcesExistDisabledAndCannotBeDeletedOrRenamed() {
        JsonNode sources = client.get(base + "/sources").json().get("sources");
        assertThat(sources).hasSize(2);
        assertThat(sources)
                .extracting(s -> s.get("type").asText())
                .containsExactlyInAnyOrder("resource-lifecycle-events", "periodic-timer");
        for (JsonNode source : sources) {
            assertThat(source.get("enabled").asBoolean()).isFalse();
            assertThat(source.get("id").asText()).startsWith("crn:v1:bluemix:public:");
        }
        String timerId = fixtures.idOfType("sources", "periodic-timer");

        SimClient.Response enabled = client.patch(
                base + "/sources/" + SimClient.enc(timerId), SimClient.object().put("enabled", true));
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();

        IbmErrorAssert.assertIbmError(
                client.patch(base + "/sources/" + timerId, SimClient.object().put("name", "my timer")), 400);
        IbmErrorAssert.assertIbmError(client.delete(base + "/sources/" + timerId), 400);
        assertThat(client.get(base + "/sources").json().get("total_count").asInt())
                .isEqualTo(2);
    }

    @Test
    void builtInIdsDifferBetweenInstances() {
        String otherBase = client.instanceUrl(REGION, simulator.createEventNotificationsInstance(REGION));
        String timerHere = fixtures.idOfType("sources", "periodic-timer");
        String timerThere = new Fixtures(client, otherBase).idOfType("sources", "periodic-timer");
        assertThat(timerHere).isNotEqualTo(timerThere);
    }

    @Test
    void validationAndDuplicateNames() {
        var missingName = IbmErrorAssert.assertIbmError(
                client.post(base + "/sources", SimClient.object().put("description", "x")), 400);
        assertThat(missingName.get("message").asText()).contains("name");
        IbmErrorAssert.assertIbmError(
                client.post(
                        base + "/sources", SimClient.object().put("name", "x").put("enabled", "yes")),
                400);
        IbmErrorAssert.assertIbmError(
                client.post(base + "/sources", SimClient.object().put("name", "x".repeat(256))), 400);

        fixtures.source("dup-source");
        IbmErrorAssert.assertIbmError(
                client.post(base + "/sources", SimClient.object().put("name", "dup-source")), 409);
        String other = fixtures.source("other-source");
        IbmErrorAssert.assertIbmError(
                client.patch(base + "/sources/" + other, SimClient.object().put("name", "dup-source")), 409);
    }

    @Test
    void sourcesUsedByTopicsCannotBeDeletedAndShowTheirTopics() {
        String source = fixtures.source("used-source");
        fixtures.topic("alerts-topic", source);

        JsonNode read = client.get(base + "/sources/" + source).json();
        assertThat(read.get("topic_count").asInt()).isEqualTo(1);
        assertThat(read.get("topic_names").get(0).asText()).isEqualTo("alerts-topic");
        IbmErrorAssert.assertIbmError(client.delete(base + "/sources/" + source), 409);
    }
}
