package dev.regionguard.tools.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.eventnotifications.EnKind;
import dev.regionguard.eventnotifications.EventNotificationsClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's primary: a small, readable Event Notifications configuration for an order service,
 * created through the real API. Names match {@code config/samples/}, which supplies the
 * write-only parts (PagerDuty key, webhook header, template body) for the standby.
 */
public final class DemoSeed {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The demo's IBM Cloud account, as it appears in CRNs. */
    public static final String ACCOUNT = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d";
    /** Custom e-mail domains whose DNS records the demo publishes, so each region can verify them. */
    public static final String MAIL_DOMAIN = "mail.orders.example.com";

    public static final String RELAY_DOMAIN = "relay.orders.example.com";

    private final EventNotificationsClient primary;
    private final Map<String, String> ids = new HashMap<>();

    public DemoSeed(EventNotificationsClient primary) {
        this.primary = primary;
    }

    public void create() {
        source("orders-service", "Order lifecycle events from the shop backend");
        source("billing-service", "Payment events from billing");

        ObjectNode webhook = obj("url", "https://fulfilment.example.com/hooks/orders", "verb", "post");
        webhook.set("custom_headers", obj("Authorization", "Bearer primary-only-token"));
        webhook.set("sensitive_headers", JSON.createArrayNode().add("Authorization"));
        destination("orders-webhook", "webhook", "Fulfilment system hook", webhook);
        destination(
                "pagerduty-oncall",
                "pagerduty",
                "Wakes the on-call engineer",
                obj("routing_key", "primary-routing-key"));
        destination(
                "ops-slack",
                "slack",
                "#ops channel",
                obj("url", "https://hooks.slack.example.com/services/T0/B0/demo", "type", "incoming_webhook"));
        destination("ops-teams", "msteams", "Operations team", obj("url", "https://teams.example.com/webhook/demo"));

        ObjectNode template = obj(
                "name",
                "order-alert",
                "type",
                "webhook.notification",
                "description",
                "Order alert payload for the fulfilment hook");
        template.set(
                "params",
                obj(
                        "body",
                        Base64.getEncoder()
                                .encodeToString(
                                        "{\"order\": \"{{ data.order_id }}\"}".getBytes(StandardCharsets.UTF_8))));
        ids.put(
                "template:order-alert",
                primary.create(EnKind.TEMPLATE, template, List.of()).get("id").asText());

        topic(
                "order-events",
                "Orders created, paid, shipped",
                "orders-service",
                "$.notification_event_info.event_type == 'order_created'");
        topic(
                "payment-failures",
                "Declined and failed payments",
                "billing-service",
                "$.notification_event_info.event_type == 'payment_failed'");
        topic("platform-alerts", "Everything on-call must see", "orders-service", "$.*");

        ObjectNode webhookAttributes = obj("signing_enabled", false);
        webhookAttributes.put("template_id_notification", ids.get("template:order-alert"));
        subscription("orders-to-fulfilment", "order-events", "orders-webhook", webhookAttributes);
        subscription("payments-to-pagerduty", "payment-failures", "pagerduty-oncall", JSON.createObjectNode());
        subscription("alerts-to-slack", "platform-alerts", "ops-slack", obj("attachment_color", "#FF0000"));
        subscription("alerts-to-teams", "platform-alerts", "ops-teams", JSON.createObjectNode());
    }

    /**
     * The demo's change after the first sync: topic order-events gets a new rule and description,
     * destination ops-teams a new description, subscription alerts-to-teams is deleted.
     */
    public void change() {
        ObjectNode topic = primary.get(EnKind.TOPIC, id("topic:order-events"));
        ObjectNode rule = ((ObjectNode) topic.withArray("sources").get(0))
                .withArray("rules")
                .addObject();
        rule.put("enabled", true);
        rule.put("event_type_filter", "$.*");
        rule.put("notification_filter", "$.notification_event_info.event_type == 'order_shipped'");
        // Topic list items carry neither rules nor updated_at: the description edit is what a pass
        // notices; a rules-only change waits for the next full comparison (sync.fullCompareInterval).
        ObjectNode put = obj(
                "name",
                topic.get("name").asText(),
                "description",
                "Orders created, paid, shipped (and now shipped notifications)");
        put.set("sources", topic.get("sources"));
        primary.update(EnKind.TOPIC, id("topic:order-events"), put, List.of());

        ObjectNode teams = obj("description", "Operations team (business hours)");
        primary.update(EnKind.DESTINATION, id("destination:ops-teams"), teams, List.of());
        primary.delete(EnKind.SUBSCRIPTION, id("subscription:alerts-to-teams"));
    }

    /**
     * References that tie a copy to the primary's region unless translated: the key integration on
     * the region's own Key Protect, an ibmce destination running a job of the region's Code Engine
     * project; and e-mail from a custom domain (a destination and an SMTP relay with one user),
     * which the standby must verify itself.
     */
    public void regionalReferences(String codeEngineProjectCrn) {
        ObjectNode kms = primary.list(EnKind.INTEGRATION).stream()
                .filter(i -> "kms".equals(i.path("type").asText()))
                .findFirst()
                .orElseThrow();
        ObjectNode keyProtect = JSON.createObjectNode().put("type", "kms");
        keyProtect.set(
                "metadata",
                obj(
                        "endpoint", "https://" + Demo.PRIMARY_REGION + ".kms.cloud.ibm.com",
                        "crn",
                                "crn:v1:bluemix:public:kms:" + Demo.PRIMARY_REGION + ":a/" + ACCOUNT
                                        + ":0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b::",
                        "root_key_id", "4f3e2d1c-0b9a-4876-9543-210fedcba987"));
        primary.update(EnKind.INTEGRATION, kms.get("id").asText(), keyProtect, List.of());
        if (codeEngineProjectCrn != null) {
            destination(
                    "orders-export-job",
                    "ibmce",
                    "Runs the order export job in Code Engine",
                    obj("type", "job", "project_crn", codeEngineProjectCrn, "job_name", "order-export"));
        }
        destination(
                "orders-mail", "smtp_custom", "Order confirmations from our own domain", obj("domain", MAIL_DOMAIN));
        ObjectNode relay = primary.create(
                EnKind.SMTP_CONFIG,
                obj("name", "orders-relay", "description", "SMTP relay of the order service", "domain", RELAY_DOMAIN),
                List.of());
        ids.put("smtp_config:orders-relay", relay.get("id").asText());
        primary.createSmtpUser(relay.get("id").asText(), obj("description", "orders-api sends receipts"));
    }

    /** Entities created: sources, destinations, templates, topics, subscriptions. */
    public int entityCount() {
        return ids.size();
    }

    private void source(String name, String description) {
        ObjectNode body = obj("name", name, "description", description);
        body.put("enabled", true);
        ids.put(
                "source:" + name,
                primary.create(EnKind.SOURCE, body, List.of()).get("id").asText());
    }

    private void destination(String name, String type, String description, ObjectNode params) {
        ObjectNode body = obj("name", name, "type", type, "description", description);
        body.put("collect_failed_events", false);
        body.set("config", JSON.createObjectNode().set("params", params));
        ids.put(
                "destination:" + name,
                primary.create(EnKind.DESTINATION, body, List.of()).get("id").asText());
    }

    private void topic(String name, String description, String source, String filter) {
        ObjectNode rule = JSON.createObjectNode();
        rule.put("enabled", true);
        rule.put("event_type_filter", "$.*");
        rule.put("notification_filter", filter);
        ObjectNode sourceRef = obj("id", ids.get("source:" + source));
        sourceRef.set("rules", JSON.createArrayNode().add(rule));
        ObjectNode body = obj("name", name, "description", description);
        body.set("sources", JSON.createArrayNode().add(sourceRef));
        ids.put(
                "topic:" + name,
                primary.create(EnKind.TOPIC, body, List.of()).get("id").asText());
    }

    private void subscription(String name, String topic, String destination, ObjectNode attributes) {
        ObjectNode body = obj("name", name, "description", "Routes " + topic + " to " + destination);
        body.put("topic_id", ids.get("topic:" + topic));
        body.put("destination_id", ids.get("destination:" + destination));
        body.set("attributes", attributes);
        ids.put(
                "subscription:" + name,
                primary.create(EnKind.SUBSCRIPTION, body, List.of()).get("id").asText());
    }

    public String id(String kindAndName) {
        return ids.get(kindAndName);
    }

    static ObjectNode obj(Object... pairs) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            if (v instanceof Boolean b) {
                node.put((String) pairs[i], b);
            } else {
                node.put((String) pairs[i], String.valueOf(v));
            }
        }
        return node;
    }
}
