package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The subscriptions of a seeded EN instance: each links a topic to a destination (the built-in email
 * and SMS ones included) with the attributes its destination type takes, sometimes a template.
 */
final class EnSubscriptionSeeds {

    private static final Map<String, String> TEMPLATE_FOR_DESTINATION = Map.of(
            "webhook",
            "webhook.notification",
            "slack",
            "slack.notification",
            "pagerduty",
            "pagerduty.notification",
            "event_streams",
            "event_streams.notification",
            "ibmce",
            "ibmceapp.notification");

    private final SeedRandom random;
    private final List<ObjectNode> topics;
    private final List<ObjectNode> destinations;
    private final List<ObjectNode> templates;
    private final ObjectNode email;
    private final ObjectNode sms;
    /** Topic and destination ids already linked; a pair is tried again a few times before it repeats. */
    private final Set<String> pairs = new HashSet<>();

    EnSubscriptionSeeds(
            SeedRandom random,
            EnInstance instance,
            List<ObjectNode> topics,
            List<ObjectNode> destinations,
            List<ObjectNode> templates) {
        this.random = random;
        this.topics = topics;
        this.destinations = destinations;
        this.templates = templates;
        this.email = builtIn(instance, "smtp_ibm");
        this.sms = builtIn(instance, "sms_ibm");
    }

    private static ObjectNode builtIn(EnInstance instance, String type) {
        return instance.destinations.all().stream()
                .filter(d -> type.equals(DestinationKind.type(d)))
                .findFirst()
                .orElseThrow();
    }

    /** The create body of the {@code i}th subscription. */
    ObjectNode next(int i) {
        ObjectNode topic = null;
        ObjectNode destination = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            topic = random.pick(topics);
            double roll = random.nextDouble();
            destination = roll < 0.15 ? email : roll < 0.20 ? sms : random.pick(destinations);
            if (pairs.add(
                    topic.get("id").textValue() + "|" + destination.get("id").textValue())) {
                break;
            }
        }
        String topicPrefix = topic.get("name").textValue().split("-")[0];
        String type = DestinationKind.type(destination);
        ObjectNode fields = Json.object();
        fields.put("name", String.format("%s-to-%s-%03d", topicPrefix, type.replace('_', '-'), i + 1));
        fields.put(
                "description",
                "Sends " + topic.get("name").textValue() + " to "
                        + destination.get("name").textValue());
        fields.set("topic_id", topic.get("id"));
        fields.set("destination_id", destination.get("id"));
        fields.set("attributes", attributes(destination, topicPrefix));
        return fields;
    }

    private ObjectNode attributes(ObjectNode destination, String team) {
        String type = DestinationKind.type(destination);
        ObjectNode attributes = Json.object();
        switch (type) {
            case "smtp_ibm" -> {
                attributes
                        .putArray("invited")
                        .add(team + "-oncall@example.com")
                        .add("ops-" + (1 + random.nextInt(9)) + "@example.com");
                attributes.put("add_notification_payload", random.nextBoolean());
                attributes.put("reply_to_mail", "noreply@example.com");
                attributes.put("reply_to_name", "Operations");
                attributes.put("from_name", "RegionGuard alerts");
            }
            case "sms_ibm" -> attributes.putArray("invited").add(String.format("+1555010%04d", random.nextInt(10000)));
            case "webhook" -> attributes.put("signing_enabled", random.nextBoolean());
            case "slack" -> {
                if ("direct_message"
                        .equals(DestinationKind.params(destination).path("type").asText())) {
                    attributes
                            .putArray("channels")
                            .addObject()
                            .put("id", "C" + random.hex(4).toUpperCase(Locale.ROOT));
                } else {
                    attributes.put("attachment_color", random.pick(new String[] {"#FF0000", "#FFA500", "#36A64F"}));
                }
            }
            case "servicenow" -> {
                attributes.put("assigned_to", team + "-oncall");
                attributes.put("assignment_group", team);
            }
            default -> {}
        }
        String templateType = TEMPLATE_FOR_DESTINATION.get(type);
        List<ObjectNode> usable = templates.stream()
                .filter(t -> t.get("type").textValue().equals(templateType))
                .toList();
        if (!usable.isEmpty() && random.nextDouble() < 0.4) {
            attributes.set("template_id_notification", random.pick(usable).get("id"));
        }
        return attributes;
    }
}
