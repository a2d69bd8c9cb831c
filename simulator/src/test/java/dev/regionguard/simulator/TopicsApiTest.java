package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopicsApiTest extends InstanceApiTest {

    private String source;

    @BeforeEach
    void createSource() {
        source = fixtures.source("orders-source");
    }

    @Test
    void createAnswersTheShortShapeAndGetTheFullOne() {
        SimClient.Response created = client.post(base + "/topics", Fixtures.topicBody("orders-topic", source));

        assertThat(created.status()).isEqualTo(201);
        assertThat(fieldNames(created.json())).containsExactly("id", "name", "description", "created_at");
        String id = created.json().get("id").asText();

        JsonNode topic = client.get(base + "/topics/" + id).json();
        assertThat(fieldNames(topic))
                .containsExactly(
                        "id",
                        "name",
                        "description",
                        "updated_at",
                        "source_count",
                        "sources",
                        "subscription_count",
                        "subscriptions");
        assertThat(topic.get("source_count").asInt()).isEqualTo(1);
        JsonNode topicSource = topic.get("sources").get(0);
        assertThat(topicSource.get("id").asText()).isEqualTo(source);
        assertThat(topicSource.get("name").asText()).isEqualTo("orders-source");
        JsonNode rule = topicSource.get("rules").get(0);
        assertThat(rule.get("id").asText()).isNotBlank();
        assertThat(rule.get("updated_at").asText()).isNotBlank();
        assertThat(rule.get("notification_filter").asText())
                .isEqualTo("$.notification_event_info.event_type == 'cert_manager'");
    }

    @Test
    void listItemsHaveOnlyTheSummaryFields() {
        fixtures.topic("listed-topic", source);
        JsonNode item = client.get(base + "/topics").json().get("topics").get(0);
        assertThat(fieldNames(item))
                .containsExactly("id", "name", "description", "source_count", "sources_names", "subscription_count");
        assertThat(item.get("sources_names").get(0).asText()).isEqualTo("orders-source");
    }

    @Test
    void putReplacesTheTopicAndKeepsIdsOfUnchangedRules() {
        String id = fixtures.topic("replace-topic", source);
        JsonNode before = client.get(base + "/topics/" + id).json();
        String ruleId =
                before.get("sources").get(0).get("rules").get(0).get("id").asText();

        ObjectNode replacement = Fixtures.topicBody("replace-topic", source);
        ObjectNode changedRule = ((ObjectNode) replacement.get("sources").get(0))
                .withArray("rules")
                .addObject();
        changedRule.put("event_type_filter", "$.*").put("notification_filter", "$.severity == 'high'");
        replacement.put("description", "now two rules");
        SimClient.Response put = client.put(base + "/topics/" + id, replacement);

        assertThat(put.status()).isEqualTo(200);
        JsonNode rules = put.json().get("sources").get(0).get("rules");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).get("id").asText()).isEqualTo(ruleId);
        assertThat(rules.get(1).get("id").asText()).isNotEqualTo(ruleId);
        assertThat(put.json().get("description").asText()).isEqualTo("now two rules");
        assertThat(put.json().get("updated_at").asText())
                .isGreaterThan(before.get("updated_at").asText());

        IbmErrorAssert.assertIbmError(client.patch(base + "/topics/" + id, replacement), 405);
    }

    @Test
    void refusesUnknownSourcesMissingRulesAndDuplicates() {
        var unknown = IbmErrorAssert.assertIbmError(
                client.post(base + "/topics", Fixtures.topicBody("t1", "no-such-source")), 400);
        assertThat(unknown.get("message").asText()).contains("no-such-source");

        ObjectNode noRules = SimClient.object().put("name", "t2");
        noRules.putArray("sources").addObject().put("id", source);
        IbmErrorAssert.assertIbmError(client.post(base + "/topics", noRules), 400);

        IbmErrorAssert.assertIbmError(
                client.post(base + "/topics", SimClient.object().put("description", "d")), 400);

        fixtures.topic("taken", source);
        IbmErrorAssert.assertIbmError(client.post(base + "/topics", Fixtures.topicBody("taken", source)), 409);
    }

    @Test
    void timerRulesNeedAScheduleAndNothingElse() {
        String timer = fixtures.idOfType("sources", "periodic-timer");
        ObjectNode topic = SimClient.object().put("name", "nightly");
        ObjectNode rule = topic.putArray("sources")
                .addObject()
                .put("id", timer)
                .putArray("rules")
                .addObject();
        rule.put("event_type_filter", "$.*");
        IbmErrorAssert.assertIbmError(client.post(base + "/topics", topic), 400);

        rule.remove("event_type_filter");
        rule.putObject("event_schedule_filter")
                .put("starts_at", "2026-01-01T00:00:00.000Z")
                .put("ends_at", "2027-01-01T00:00:00.000Z")
                .put("expression", "0 2 * * *");
        SimClient.Response created = client.post(base + "/topics", topic);
        assertThat(created.status()).isEqualTo(201);
        JsonNode stored = client.get(
                        base + "/topics/" + created.json().get("id").asText())
                .json();
        assertThat(stored.get("sources")
                        .get(0)
                        .get("rules")
                        .get(0)
                        .get("event_schedule_filter")
                        .get("expression")
                        .asText())
                .isEqualTo("0 2 * * *");
    }

    @Test
    void topicsWithSubscriptionsCannotBeDeleted() {
        String topic = fixtures.topic("busy-topic", source);
        String hook = fixtures.webhook("busy-hook");
        String subscription = fixtures.subscription("busy-sub", topic, hook);

        JsonNode read = client.get(base + "/topics/" + topic).json();
        assertThat(read.get("subscription_count").asInt()).isEqualTo(1);
        assertThat(read.get("subscriptions").get(0).get("destination_name").asText())
                .isEqualTo("busy-hook");
        IbmErrorAssert.assertIbmError(client.delete(base + "/topics/" + topic), 409);

        assertThat(client.delete(base + "/subscriptions/" + subscription).status())
                .isEqualTo(204);
        assertThat(client.delete(base + "/topics/" + topic).status()).isEqualTo(204);
    }
}
