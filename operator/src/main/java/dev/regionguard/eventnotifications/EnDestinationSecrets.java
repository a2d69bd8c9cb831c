package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * The write-only parts of destination configs: secret {@code config.params} per
 * destination type, sensitive custom header values, and files. No GET value of these is ever
 * copied or compared; they come from material only.
 */
final class EnDestinationSecrets {
    /** Destination types whose {@code custom_headers} may hold secrets named in {@code sensitive_headers}. */
    static final Set<String> HEADER_TYPES = Set.of("webhook", "ibmce");
    /** Material key of a sensitive header value: {@code header.Authorization}. */
    static final String HEADER_PREFIX = "header.";

    /** A secret param, and when the destination cannot work without it. */
    record SecretParam(String name, Predicate<JsonNode> requiredWhen) {
        boolean required(JsonNode params) {
            return requiredWhen.test(params);
        }
    }

    private static final Predicate<JsonNode> ALWAYS = p -> true;
    private static final Predicate<JsonNode> IF_PRESENT = p -> false;

    private static final Map<String, List<SecretParam>> PARAMS = Map.of(
            "pagerduty", List.of(new SecretParam("routing_key", ALWAYS), new SecretParam("api_key", IF_PRESENT)),
            "servicenow", List.of(new SecretParam("client_secret", ALWAYS), new SecretParam("password", ALWAYS)),
            "slack", List.of(new SecretParam("token", p -> "direct_message".equals(EnJson.text(p, "type")))),
            "push_android",
                    List.of(
                            new SecretParam("private_key", p -> p.has("project_id")),
                            new SecretParam("server_key", p -> !p.has("project_id") && p.has("sender_id"))),
            "push_ios", List.of(new SecretParam("password", p -> "p12".equals(EnJson.text(p, "cert_type")))),
            "push_chrome", List.of(new SecretParam("api_key", ALWAYS)),
            "push_safari", List.of(new SecretParam("password", ALWAYS)),
            "push_huawei", List.of(new SecretParam("client_secret", ALWAYS)));

    /** File parts a destination type cannot be created without. */
    private static final Map<String, List<String>> REQUIRED_FILES = Map.of(
            "push_ios", List.of("certificate"),
            "push_safari", List.of("certificate"));

    private EnDestinationSecrets() {}

    static List<SecretParam> params(String destinationType) {
        return PARAMS.getOrDefault(destinationType, List.of());
    }

    static List<String> requiredFiles(String destinationType) {
        return REQUIRED_FILES.getOrDefault(destinationType, List.of());
    }

    /** Names of the custom headers whose values are secret. */
    static List<String> sensitiveHeaders(String destinationType, JsonNode params) {
        JsonNode names = params.path("sensitive_headers");
        if (!HEADER_TYPES.contains(destinationType) || !names.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(names.spliterator(), false)
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .toList();
    }
}
