package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic, repeatable EN configuration of about n entities, written through the same validation
 * as HTTP requests. Mix: 8 % API sources, 20 % topics, 15 % destinations, 7 % templates, one COS
 * integration, one SMTP configuration with one user, and subscriptions for the rest. The same seed
 * gives the same names, contents and secrets (ids and timestamps are the server's).
 */
final class EnSeeder {

    /** The teams whose names the seeded entities carry. */
    static final String[] DOMAINS = {
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

    private static final String[] TEMPLATE_TYPES = {
        "webhook.notification",
        "slack.notification",
        "pagerduty.notification",
        "event_streams.notification",
        "ibmceapp.notification",
        "smtp_custom.notification"
    };
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
    private final SeedRandom random;
    private final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
    private final Map<String, TemplateBody> templateBodies = new LinkedHashMap<>();
    private int created;

    private EnSeeder(EnInstance instance, long seed) {
        this.instance = instance;
        this.random = new SeedRandom(seed);
    }

    static SeedManifest seed(EnInstance instance, int entityCount, long seed) {
        if (entityCount < 1) {
            throw new IllegalArgumentException("entityCount must be positive: " + entityCount);
        }
        return instance.locked(() -> new EnSeeder(instance, seed).run(entityCount));
    }

    private SeedManifest run(int n) {
        int sourceCount = SeedRandom.share(n, 0.08);
        int topicCount = SeedRandom.share(n, 0.20);
        int destinationCount = SeedRandom.share(n, 0.15);
        int templateCount = SeedRandom.share(n, 0.07);
        int subscriptionCount =
                Math.max(1, n - sourceCount - topicCount - destinationCount - templateCount - FIXED_ENTITIES);

        createIntegration();
        List<ObjectNode> sources = new ArrayList<>();
        for (int i = 0; i < sourceCount; i++) {
            sources.add(createSource(i));
        }
        createSmtp();
        EnDestinationSeeds destinationSeeds = new EnDestinationSeeds(random, instance.region());
        List<ObjectNode> destinations = new ArrayList<>();
        for (int i = 0; i < destinationCount; i++) {
            destinations.add(createDestination(destinationSeeds.next(i)));
        }
        List<ObjectNode> templates = new ArrayList<>();
        for (int i = 0; i < templateCount; i++) {
            templates.add(createTemplate(i));
        }
        List<ObjectNode> topics = new ArrayList<>();
        for (int i = 0; i < topicCount; i++) {
            topics.add(createTopic(i, sources));
        }
        EnSubscriptionSeeds subscriptions = new EnSubscriptionSeeds(random, instance, topics, destinations, templates);
        for (int i = 0; i < subscriptionCount; i++) {
            create(EnKinds.SUBSCRIPTIONS, null, subscriptions.next(i));
        }
        return new SeedManifest(secrets, templateBodies, created);
    }

    private ObjectNode create(EntityKind kind, String parentId, ObjectNode fields) {
        created++;
        return kind.create(instance, parentId, RequestBody.of(fields));
    }

    private void createIntegration() {
        ObjectNode fields = Json.object().put("type", IntegrationKind.COLLECT_FAILED_EVENTS);
        ObjectNode metadata = fields.putObject("metadata");
        metadata.put("endpoint", "https://s3." + instance.region() + ".cloud-object-storage.appdomain.cloud");
        metadata.put("crn", random.crn("cloud-object-storage", "global"));
        metadata.put("bucket_name", "en-failed-events-" + random.hex(4));
        create(EnKinds.INTEGRATIONS, null, fields);
    }

    private ObjectNode createSource(int i) {
        String domain = random.pick(DOMAINS);
        ObjectNode fields = Json.object();
        fields.put("name", String.format("%s-source-%03d", domain, i + 1));
        fields.put("description", "Events published by the " + domain + " service");
        fields.put("enabled", random.nextInt(8) != 0);
        return create(EnKinds.SOURCES, null, fields);
    }

    private void createSmtp() {
        String domain = random.pick(DOMAINS);
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

    private ObjectNode createDestination(EnDestinationSeeds.Seed seed) {
        if (!seed.secret().isEmpty()) {
            secrets.put(seed.name(), seed.secret());
        }
        return create(EnKinds.DESTINATIONS, null, seed.fields());
    }

    private ObjectNode createTemplate(int i) {
        String type = TEMPLATE_TYPES[i % TEMPLATE_TYPES.length];
        String domain = random.pick(DOMAINS);
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
        String domain = random.pick(DOMAINS);
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
                                "$.notification_event_info.event_type == '" + random.pick(EVENT_TYPES) + "'");
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
        schedule.put("expression", random.pick(new String[] {"0 */6 * * *", "0 8 * * 1-5", "*/30 * * * *"}));
    }
}
