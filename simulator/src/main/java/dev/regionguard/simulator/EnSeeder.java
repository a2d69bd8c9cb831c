package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A realistic, repeatable EN configuration of about n entities, written through the same validation
 * as HTTP requests. Mix: 8 % API sources, 20 % topics, 15 % destinations, 7 % templates, one COS
 * integration, one SMTP configuration with one user, and subscriptions for the rest. The same seed
 * gives the same names, contents and secrets (ids and timestamps are the server's).
 */
final class EnSeeder {

    private static final String[] DOMAINS = {
        "orders",
        "payments",
        "billing",
        "inventory",
        "shipping",
        "checkout",
        "identity",
        "catalog",
        "search",
        "reports",
        "audit",
        "backup",
        "certs",
        "metrics",
        "pricing",
        "loyalty"
    };
    /** Round robin, so every type appears once there are eight destinations (n >= 54). */
    private static final String[] DESTINATION_TYPES = {
        "webhook", "slack", "msteams", "pagerduty", "servicenow", "ibmce", "event_streams", "ibmcos"
    };

    private static final String[] TEMPLATE_TYPES = {
        "webhook.notification",
        "slack.notification",
        "pagerduty.notification",
        "event_streams.notification",
        "ibmceapp.notification",
        "smtp_custom.notification"
    };
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
    private static final String[] EVENT_TYPES = {
        "cert_manager",
        "order_created",
        "payment_failed",
        "backup_completed",
        "login_failed",
        "quota_exceeded",
        "deployment_finished"
    };
    /** Entities that do not scale with n: the COS integration, the SMTP configuration and its user. */
    private static final int FIXED_ENTITIES = 3;

    private final EnInstance instance;
    private final Random random;
    private final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
    private final Map<String, TemplateBody> templateBodies = new LinkedHashMap<>();
    private int created;

    private EnSeeder(EnInstance instance, long seed) {
        this.instance = instance;
        this.random = new Random(seed);
    }

    static SeedManifest seed(EnInstance instance, int entityCount, long seed) {
        if (entityCount < 1) {
            throw new IllegalArgumentException("entityCount must be positive: " + entityCount);
        }
        return instance.locked(() -> new EnSeeder(instance, seed).run(entityCount));
    }

    private SeedManifest run(int n) {
        int sourceCount = share(n, 0.08);
        int topicCount = share(n, 0.20);
        int destinationCount = share(n, 0.15);
        int templateCount = share(n, 0.07);
        int subscriptionCount =
                Math.max(1, n - sourceCount - topicCount - destinationCount - templateCount - FIXED_ENTITIES);

        createIntegration();
        List<ObjectNode> sources = new ArrayList<>();
        for (int i = 0; i < sourceCount; i++) {
            sources.add(createSource(i));
        }
        createSmtp();
        List<ObjectNode> destinations = new ArrayList<>();
        for (int i = 0; i < destinationCount; i++) {
            destinations.add(createDestination(i));
        }
        List<ObjectNode> templates = new ArrayList<>();
        for (int i = 0; i < templateCount; i++) {
            templates.add(createTemplate(i));
        }
        List<ObjectNode> topics = new ArrayList<>();
        for (int i = 0; i < topicCount; i++) {
            topics.add(createTopic(i, sources));
        }
        createSubscriptions(subscriptionCount, topics, destinations, templates);
        return new SeedManifest(secrets, templateBodies, created);
    }

    private static int share(int n, double fraction) {
        return Math.max(1, (int) Math.round(n * fraction));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String hex(int bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            sb.append(String.format("%02x", random.nextInt(256)));
        }
        return sb.toString();
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String crn(String service, String location) {
        return "crn:v1:bluemix:public:" + service + ":" + location + ":a/" + hex(16) + ":" + uuid() + "::";
    }

    private ObjectNode create(EntityKind kind, String parentId, ObjectNode fields) {
        created++;
        return kind.create(instance, parentId, RequestBody.of(fields));
    }

    private void createIntegration() {
        ObjectNode fields = Json.object().put("type", IntegrationKind.COLLECT_FAILED_EVENTS);
        ObjectNode metadata = fields.putObject("metadata");
        metadata.put("endpoint", "https://s3." + instance.region() + ".cloud-object-storage.appdomain.cloud");
        metadata.put("crn", crn("cloud-object-storage", "global"));
        metadata.put("bucket_name", "en-failed-events-" + hex(4));
        create(EnKinds.INTEGRATIONS, null, fields);
    }

    private ObjectNode createSource(int i) {
        String domain = pick(DOMAINS);
        ObjectNode fields = Json.object();
        fields.put("name", String.format("%s-source-%03d", domain, i + 1));
        fields.put("description", "Events published by the " + domain + " service");
        fields.put("enabled", random.nextInt(8) != 0);
        return create(EnKinds.SOURCES, null, fields);
    }

    private void createSmtp() {
        String domain = pick(DOMAINS);
        ObjectNode fields = Json.object();
        fields.put("name", domain + "-mail-relay");
        fields.put("description", "Custom email relay for " + domain);
        fields.put("domain", "mail." + domain + ".example.com");
        ObjectNode config = create(EnKinds.SMTP_CONFIGS, null, fields);
        create(
                EnKinds.SMTP_USERS,
                config.get("id").textValue(),
                Json.object().put("description", "Relay user of the " + domain + " team"));
    }

    private ObjectNode createDestination(int i) {
        String type = DESTINATION_TYPES[i % DESTINATION_TYPES.length];
        String domain = pick(DOMAINS);
        String name = String.format("%s-%s-%03d", domain, type.replace('_', '-'), i + 1);
        Map<String, String> secret = new LinkedHashMap<>();
        ObjectNode params = Json.object();
        switch (type) {
            case "webhook" -> {
                params.put("url", "https://hooks." + domain + ".example.com/events/" + hex(4));
                params.put("verb", "post");
                String authorization = "Bearer " + hex(20);
                params.putObject("custom_headers")
                        .put("Authorization", authorization)
                        .put("X-Team", domain);
                params.putArray("sensitive_headers").add("Authorization");
                secret.put("header.Authorization", authorization);
            }
            case "slack" -> {
                if (i / DESTINATION_TYPES.length % 2 == 1) {
                    String token = "xoxb-" + hex(12);
                    params.put("type", "direct_message");
                    params.put("token", token);
                    secret.put("token", token);
                } else {
                    params.put("type", "incoming_webhook");
                    params.put("url", "https://hooks.slack.com/services/T" + hex(4) + "/B" + hex(4) + "/" + hex(12));
                }
            }
            case "msteams" -> params.put("url", "https://example.webhook.office.com/webhookb2/" + uuid());
            case "pagerduty" -> {
                String routingKey = hex(16);
                params.put("routing_key", routingKey);
                secret.put("routing_key", routingKey);
            }
            case "servicenow" -> {
                String clientSecret = hex(12);
                String password = hex(10);
                params.put("client_id", hex(16));
                params.put("client_secret", clientSecret);
                params.put("username", domain + "-integration");
                params.put("password", password);
                params.put("instance_name", domain + "-prod");
                secret.put("client_secret", clientSecret);
                secret.put("password", password);
            }
            case "ibmce" -> {
                String apiKey = hex(16);
                params.put("type", "application");
                params.put(
                        "url",
                        "https://" + domain + "-handler." + hex(5) + "." + instance.region()
                                + ".codeengine.appdomain.cloud");
                params.put("verb", "post");
                params.putObject("custom_headers").put("X-Api-Key", apiKey);
                params.putArray("sensitive_headers").add("X-Api-Key");
                secret.put("header.X-Api-Key", apiKey);
            }
            case "event_streams" -> {
                params.put("crn", crn("messagehub", instance.region()));
                params.put(
                        "endpoint",
                        "https://broker-0-" + hex(6) + ".kafka.svc01." + instance.region()
                                + ".eventstreams.cloud.ibm.com:9093");
                params.put("topic", domain + "-notifications");
            }
            default -> {
                params.put("bucket_name", domain + "-notifications-" + hex(3));
                params.put("instance_id", uuid());
                params.put("endpoint", "https://s3." + instance.region() + ".cloud-object-storage.appdomain.cloud");
            }
        }
        ObjectNode fields = Json.object();
        fields.put("name", name);
        fields.put("type", type);
        fields.put("description", "Notifies the " + domain + " team via " + type);
        fields.put("collect_failed_events", type.equals("webhook") && random.nextBoolean());
        fields.putObject("config").set("params", params);
        if (!secret.isEmpty()) {
            secrets.put(name, Map.copyOf(secret));
        }
        return create(EnKinds.DESTINATIONS, null, fields);
    }

    private ObjectNode createTemplate(int i) {
        String type = TEMPLATE_TYPES[i % TEMPLATE_TYPES.length];
        String domain = pick(DOMAINS);
        String shortType = type.substring(0, type.indexOf('.')).replace('_', '-');
        String name = String.format("%s-%s-template-%03d", domain, shortType, i + 1);
        String body = switch (shortType) {
            case "slack" ->
                "{\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\"," + "\"text\":\"*" + domain
                        + "*: {{ data.message }}\"}}]}";
            case "pagerduty" -> "{\"summary\":\"" + domain + ": {{ data.message }}\",\"severity\":\"{{ severity }}\"}";
            case "smtp-custom" -> "<html><body><h1>" + domain + "</h1><p>{{ data.message }}</p></body></html>";
            default ->
                "{\"service\":\"" + domain + "\",\"event\":\"{{ ibmenseverity }}\",\"text\":\"{{ data.message }}\"}";
        };
        String subject = TemplateKind.isEmail(type) ? "[" + domain + "] {{ data.title }}" : null;
        ObjectNode fields = Json.object();
        fields.put("name", name);
        fields.put("type", type);
        fields.put("description", "Message layout of the " + domain + " team");
        ObjectNode params = fields.putObject("params");
        params.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        if (subject != null) {
            params.put("subject", subject);
        }
        templateBodies.put(name, new TemplateBody(body, subject));
        return create(EnKinds.TEMPLATES, null, fields);
    }

    private ObjectNode createTopic(int i, List<ObjectNode> apiSources) {
        String domain = pick(DOMAINS);
        ObjectNode fields = Json.object();
        fields.put("name", String.format("%s-topic-%03d", domain, i + 1));
        fields.put("description", "Notifications about " + domain);
        ArrayNode sources = fields.putArray("sources");
        if (i % 10 == 4) {
            addTimerSource(sources);
        } else {
            int sourceCount = Math.min(1 + random.nextInt(2), apiSources.size());
            int ruleCount = sourceCount + random.nextInt(4 - sourceCount);
            List<ObjectNode> chosen = new ArrayList<>(apiSources);
            for (int s = 0; s < sourceCount; s++) {
                ObjectNode source = chosen.remove(random.nextInt(chosen.size()));
                ObjectNode entry =
                        sources.addObject().put("id", source.get("id").textValue());
                ArrayNode rules = entry.putArray("rules");
                int rulesHere = s == 0 ? ruleCount - (sourceCount - 1) : 1;
                for (int r = 0; r < rulesHere; r++) {
                    ObjectNode rule = rules.addObject();
                    rule.put("enabled", random.nextInt(10) != 0);
                    rule.put("event_type_filter", "$.*");
                    if (random.nextInt(4) != 0) {
                        rule.put(
                                "notification_filter",
                                "$.notification_event_info.event_type == '" + pick(EVENT_TYPES) + "'");
                    }
                }
            }
        }
        return create(EnKinds.TOPICS, null, fields);
    }

    /** Timer topics need the built-in timer source, which starts disabled. */
    private void addTimerSource(ArrayNode sources) {
        ObjectNode timer = instance.sources.all().stream()
                .filter(s -> TopicKind.PERIODIC_TIMER.equals(s.get("type").textValue()))
                .findFirst()
                .orElseThrow();
        if (!timer.get("enabled").booleanValue()) {
            EnKinds.SOURCES.update(instance, timer, RequestBody.of(Json.object().put("enabled", true)));
        }
        ObjectNode schedule = sources.addObject()
                .put("id", timer.get("id").textValue())
                .putArray("rules")
                .addObject()
                .put("enabled", true)
                .putObject("event_schedule_filter");
        schedule.put("starts_at", "2026-01-01T00:00:00.000Z");
        schedule.put("ends_at", "2027-12-31T23:59:59.000Z");
        schedule.put("expression", pick(new String[] {"0 */6 * * *", "0 8 * * 1-5", "*/30 * * * *"}));
    }

    private void createSubscriptions(
            int count, List<ObjectNode> topics, List<ObjectNode> destinations, List<ObjectNode> templates) {
        ObjectNode email = builtIn("smtp_ibm");
        ObjectNode sms = builtIn("sms_ibm");
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ObjectNode topic = null;
            ObjectNode destination = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                topic = pick(topics);
                double roll = random.nextDouble();
                destination = roll < 0.15 ? email : roll < 0.20 ? sms : pick(destinations);
                if (pairs.add(topic.get("id").textValue() + "|"
                        + destination.get("id").textValue())) {
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
            fields.set("attributes", attributes(destination, templates, topicPrefix));
            create(EnKinds.SUBSCRIPTIONS, null, fields);
        }
    }

    private ObjectNode builtIn(String type) {
        return instance.destinations.all().stream()
                .filter(d -> type.equals(DestinationKind.type(d)))
                .findFirst()
                .orElseThrow();
    }

    private ObjectNode attributes(ObjectNode destination, List<ObjectNode> templates, String team) {
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
                    attributes.putArray("channels").addObject().put("id", "C" + hex(4).toUpperCase(Locale.ROOT));
                } else {
                    attributes.put("attachment_color", pick(new String[] {"#FF0000", "#FFA500", "#36A64F"}));
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
            attributes.set("template_id_notification", pick(usable).get("id"));
        }
        return attributes;
    }
}
