package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One Event Notifications instance: its collections and the cross-references between them.
 * All reads and writes run inside {@link #locked}, so concurrent requests see consistent state and
 * name checks cannot race.
 */
final class EnInstance {

    private final String id;
    private final String region;
    private final SimClock clock;

    final EntityTable sources = new EntityTable("source");
    final EntityTable topics = new EntityTable("topic");
    final EntityTable destinations = new EntityTable("destination");
    final EntityTable subscriptions = new EntityTable("subscription");
    final EntityTable templates = new EntityTable("template");
    final EntityTable integrations = new EntityTable("integration");
    final EntityTable smtpConfigs = new EntityTable("SMTP configuration");
    final EntityTable smtpUsers = new EntityTable("SMTP user");
    final EntityTable tagSubscriptions = new EntityTable("tag subscription");
    final PushDevices pushDevices = new PushDevices(tagSubscriptions);
    /** Destination id to the answer its end point gives to a test (see {@link DestinationTests}). */
    final Map<String, DestinationTests.Failure> failingTests = new HashMap<>();

    EnInstance(String id, String region, SimClock clock) {
        this.id = id;
        this.region = region;
        this.clock = clock;
        BuiltIns.install(this);
    }

    String id() {
        return id;
    }

    String region() {
        return region;
    }

    String now() {
        return clock.nextTimestamp();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    synchronized <T> T locked(Supplier<T> work) {
        return work.get();
    }

    List<ObjectNode> subscriptionsWith(String field, String value) {
        return subscriptions.all().stream()
                .filter(s -> value.equals(s.path(field).textValue()))
                .toList();
    }

    List<ObjectNode> subscriptionsUsingTemplate(String templateId) {
        return subscriptions.all().stream()
                .filter(s -> {
                    JsonNode attributes = s.path("attributes");
                    return templateId.equals(
                                    attributes.path("template_id_notification").textValue())
                            || templateId.equals(
                                    attributes.path("template_id_invitation").textValue());
                })
                .toList();
    }

    List<ObjectNode> topicsUsingSource(String sourceId) {
        return topics.all().stream()
                .filter(t -> {
                    for (JsonNode source : t.path("sources")) {
                        if (sourceId.equals(source.path("id").textValue())) {
                            return true;
                        }
                    }
                    return false;
                })
                .toList();
    }

    boolean hasIntegrationOfType(String type) {
        return integrations.all().stream()
                .anyMatch(i -> type.equals(i.path("type").textValue()));
    }

    static List<String> names(List<ObjectNode> entities) {
        return entities.stream().map(e -> e.path("name").asText()).toList();
    }
}
