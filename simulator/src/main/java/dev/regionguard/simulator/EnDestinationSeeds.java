package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The destinations of a seeded EN instance: request bodies with plausible settings for each type in
 * turn, and the write-only values (tokens, keys, passwords) they carry, which GET never shows again.
 */
final class EnDestinationSeeds {

    /** Round robin, so every type appears once there are eight destinations (n >= 54). */
    private static final String[] TYPES = {
        "webhook", "slack", "msteams", "pagerduty", "servicenow", "ibmce", "event_streams", "ibmcos"
    };

    /** A destination's create body and its write-only values by field ({@code header.NAME} for headers). */
    record Seed(String name, ObjectNode fields, Map<String, String> secret) {}

    private final SeedRandom random;
    private final String region;

    EnDestinationSeeds(SeedRandom random, String region) {
        this.random = random;
        this.region = region;
    }

    Seed next(int i) {
        String type = TYPES[i % TYPES.length];
        String domain = random.pick(EnSeeder.DOMAINS);
        String name = String.format("%s-%s-%03d", domain, type.replace('_', '-'), i + 1);
        Map<String, String> secret = new LinkedHashMap<>();
        ObjectNode params = params(type, domain, i / TYPES.length % 2 == 1, secret);
        ObjectNode fields = Json.object();
        fields.put("name", name);
        fields.put("type", type);
        fields.put("description", "Notifies the " + domain + " team via " + type);
        fields.put("collect_failed_events", type.equals("webhook") && random.nextBoolean());
        fields.putObject("config").set("params", params);
        return new Seed(name, fields, Map.copyOf(secret));
    }

    /** {@code oddRound}: the second, fourth... destination of this type (Slack then sends direct messages). */
    private ObjectNode params(String type, String domain, boolean oddRound, Map<String, String> secret) {
        ObjectNode params = Json.object();
        switch (type) {
            case "webhook" -> webhook(params, domain, secret);
            case "slack" -> slack(params, oddRound, secret);
            case "msteams" -> params.put("url", "https://example.webhook.office.com/webhookb2/" + random.uuid());
            case "pagerduty" -> {
                String routingKey = random.hex(16);
                params.put("routing_key", routingKey);
                secret.put("routing_key", routingKey);
            }
            case "servicenow" -> serviceNow(params, domain, secret);
            case "ibmce" -> codeEngine(params, domain, secret);
            case "event_streams" -> {
                params.put("crn", random.crn("messagehub", region));
                params.put(
                        "endpoint",
                        "https://broker-0-" + random.hex(6) + ".kafka.svc01." + region
                                + ".eventstreams.cloud.ibm.com:9093");
                params.put("topic", domain + "-notifications");
            }
            default -> {
                params.put("bucket_name", domain + "-notifications-" + random.hex(3));
                params.put("instance_id", random.uuid());
                params.put("endpoint", "https://s3." + region + ".cloud-object-storage.appdomain.cloud");
            }
        }
        return params;
    }

    private void webhook(ObjectNode params, String domain, Map<String, String> secret) {
        params.put("url", "https://hooks." + domain + ".example.com/events/" + random.hex(4));
        params.put("verb", "post");
        String authorization = "Bearer " + random.hex(20);
        params.putObject("custom_headers").put("Authorization", authorization).put("X-Team", domain);
        params.putArray("sensitive_headers").add("Authorization");
        secret.put("header.Authorization", authorization);
    }

    private void slack(ObjectNode params, boolean directMessage, Map<String, String> secret) {
        if (directMessage) {
            String token = "xoxb-" + random.hex(12);
            params.put("type", "direct_message");
            params.put("token", token);
            secret.put("token", token);
        } else {
            params.put("type", "incoming_webhook");
            params.put(
                    "url",
                    "https://hooks.slack.com/services/T" + random.hex(4) + "/B" + random.hex(4) + "/" + random.hex(12));
        }
    }

    private void serviceNow(ObjectNode params, String domain, Map<String, String> secret) {
        String clientSecret = random.hex(12);
        String password = random.hex(10);
        params.put("client_id", random.hex(16));
        params.put("client_secret", clientSecret);
        params.put("username", domain + "-integration");
        params.put("password", password);
        params.put("instance_name", domain + "-prod");
        secret.put("client_secret", clientSecret);
        secret.put("password", password);
    }

    private void codeEngine(ObjectNode params, String domain, Map<String, String> secret) {
        String apiKey = random.hex(16);
        params.put("type", "application");
        params.put(
                "url",
                "https://" + domain + "-handler." + random.hex(5) + "." + region + ".codeengine.appdomain.cloud");
        params.put("verb", "post");
        params.putObject("custom_headers").put("X-Api-Key", apiKey);
        params.putArray("sensitive_headers").add("X-Api-Key");
        secret.put("header.X-Api-Key", apiKey);
    }
}
