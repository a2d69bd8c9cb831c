package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SeedTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static String instanceId;
    private static SeedManifest manifest;
    private static JsonNode snapshot;

    @BeforeAll
    static void seed() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        instanceId = simulator.createEventNotificationsInstance("us-south");
        manifest = simulator.seedEventNotifications("us-south", instanceId, 200, 42);
        snapshot = simulator.eventNotificationsSnapshot("us-south", instanceId);
    }

    private static List<JsonNode> items(JsonNode snapshot, String key) {
        return StreamSupport.stream(snapshot.get(key).spliterator(), false).toList();
    }

    private static long count(JsonNode snapshot, String key, String field, String value) {
        return items(snapshot, key).stream()
                .filter(i -> value.equals(i.path(field).asText()))
                .count();
    }

    @Test
    void createsTheAdvertisedMix() {
        assertThat(manifest.entityCount()).isEqualTo(200);
        assertThat(count(snapshot, "sources", "type", "api")).isEqualTo(16); // 8 %
        assertThat(snapshot.get("topics")).hasSize(40); // 20 %
        assertThat(snapshot.get("destinations")).hasSize(30 + 2); // 15 % + built-ins
        assertThat(snapshot.get("templates")).hasSize(14); // 7 %
        assertThat(snapshot.get("subscriptions")).hasSize(200 - 16 - 40 - 30 - 14 - 3);
        assertThat(count(snapshot, "integrations", "type", "collect_failed_events"))
                .isEqualTo(1);
        assertThat(snapshot.get("smtp_configurations")).hasSize(1);
        assertThat(snapshot.get("smtp_configurations").get(0).get("users")).hasSize(1);

        assertThat(items(snapshot, "destinations"))
                .extracting(d -> d.get("type").asText())
                .contains("webhook", "slack", "msteams", "pagerduty", "servicenow", "ibmce", "event_streams", "ibmcos");
        assertThat(client.get(client.instanceUrl("us-south", instanceId) + "/subscriptions?limit=1")
                        .json()
                        .get("total_count")
                        .asInt())
                .isEqualTo(97);
    }

    @Test
    void configurationLooksLikeARealOne() {
        for (JsonNode topic : snapshot.get("topics")) {
            int rules = 0;
            for (JsonNode source : topic.get("sources")) {
                rules += source.get("rules").size();
            }
            assertThat(topic.get("sources").size()).isBetween(1, 2);
            assertThat(rules).isBetween(1, 3);
            assertThat(topic.get("name").asText()).matches("[a-z]+-topic-\\d{3}");
        }
        List<JsonNode> timerTopics = items(snapshot, "topics").stream()
                .filter(t -> t.get("sources").get(0).get("rules").get(0).has("event_schedule_filter"))
                .toList();
        assertThat(timerTopics).isNotEmpty();
        assertThat(count(snapshot, "sources", "type", "periodic-timer")).isEqualTo(1);
        assertThat(items(snapshot, "sources").stream()
                        .filter(s -> s.get("type").asText().equals("periodic-timer"))
                        .findFirst()
                        .orElseThrow()
                        .get("enabled")
                        .asBoolean())
                .isTrue();
        assertThat(snapshot.toString()).contains("$.notification_event_info.event_type == '");

        List<JsonNode> emailSubscriptions = items(snapshot, "subscriptions").stream()
                .filter(s -> s.get("destination_type").asText().equals("smtp_ibm"))
                .toList();
        assertThat(emailSubscriptions).isNotEmpty();
        assertThat(emailSubscriptions
                        .get(0)
                        .get("attributes")
                        .get("invited")
                        .get(0)
                        .get("email")
                        .asText())
                .endsWith("@example.com");
        assertThat(items(snapshot, "subscriptions"))
                .anyMatch(s -> s.get("attributes").has("template_id_notification"));
        assertThat(items(snapshot, "destinations"))
                .anyMatch(d -> d.get("collect_failed_events").asBoolean());
    }

    @Test
    void manifestHoldsTheWriteOnlyValuesTheInstanceStores() {
        Map<String, JsonNode> destinations = new HashMap<>();
        snapshot.get("destinations").forEach(d -> destinations.put(d.get("name").asText(), d));
        assertThat(manifest.destinationSecrets()).isNotEmpty();
        assertThat(manifest.destinationSecrets().values().stream().flatMap(m -> m.keySet().stream()))
                .contains("header.Authorization", "routing_key", "client_secret", "password", "token");

        String base = client.instanceUrl("us-south", instanceId);
        manifest.destinationSecrets().forEach((name, secrets) -> {
            JsonNode params = destinations.get(name).get("config").get("params");
            secrets.forEach((key, value) -> {
                JsonNode stored = key.startsWith("header.")
                        ? params.get("custom_headers").get(key.substring("header.".length()))
                        : params.get(key);
                assertThat(stored.asText()).as(name + " " + key).isEqualTo(value);
            });
        });
        String allDestinations = client.get(base + "/destinations?limit=100").body();
        manifest.destinationSecrets()
                .values()
                .forEach(secrets -> secrets.values()
                        .forEach(value -> assertThat(allDestinations).doesNotContain(value)));

        assertThat(manifest.templateBodies()).hasSize(14);
        for (JsonNode template : snapshot.get("templates")) {
            TemplateBody expected =
                    manifest.templateBodies().get(template.get("name").asText());
            String body = new String(
                    Base64.getDecoder()
                            .decode(template.get("params").get("body").asText()),
                    StandardCharsets.UTF_8);
            assertThat(body).isEqualTo(expected.body());
            assertThat(template.get("params").path("subject").textValue()).isEqualTo(expected.subject());
        }
        assertThat(manifest.templateBodies().values()).anyMatch(t -> t.subject() != null);
    }

    @Test
    void sameSeedSameConfigurationOtherSeedAnother() {
        String twin = simulator.createEventNotificationsInstance("eu-de");
        SeedManifest twinManifest = simulator.seedEventNotifications("eu-de", twin, 200, 42);
        JsonNode twinSnapshot = simulator.eventNotificationsSnapshot("eu-de", twin);

        assertThat(twinManifest).isEqualTo(manifest);
        for (String kind : List.of("sources", "topics", "destinations", "templates")) {
            assertThat(names(twinSnapshot, kind)).as(kind).isEqualTo(names(snapshot, kind));
        }
        assertThat(links(twinSnapshot)).isEqualTo(links(snapshot));

        String other = simulator.createEventNotificationsInstance("eu-de");
        SeedManifest otherManifest = simulator.seedEventNotifications("eu-de", other, 200, 43);
        assertThat(otherManifest.destinationSecrets()).isNotEqualTo(manifest.destinationSecrets());
    }

    private static List<String> names(JsonNode snapshot, String kind) {
        List<String> names = new ArrayList<>();
        snapshot.get(kind).forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static List<String> links(JsonNode snapshot) {
        List<String> links = new ArrayList<>();
        snapshot.get("subscriptions")
                .forEach(s -> links.add(
                        s.get("name").asText() + ":" + s.get("topic_name").asText() + "->"
                                + s.get("destination_name").asText()));
        return links;
    }
}
