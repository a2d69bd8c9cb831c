package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What each destination type needs in {@code config.params}, and what a GET must not give back. */
final class DestinationParams {

    static final Set<String> BUILT_IN_TYPES = Set.of("smtp_ibm", "sms_ibm");
    static final Set<String> CREATABLE_TYPES = Set.of(
            "webhook",
            "push_android",
            "push_ios",
            "push_chrome",
            "push_firefox",
            "push_safari",
            "push_huawei",
            "slack",
            "ibmce",
            "pagerduty",
            "msteams",
            "servicenow",
            "ibmcos",
            "smtp_custom",
            "smtp_custom_sandbox",
            "sms_custom",
            "event_streams",
            "app_configuration");
    /** Write-only params: stored, never returned. */
    static final Set<String> SECRET_PARAMS =
            Set.of("routing_key", "api_key", "client_secret", "password", "token", "private_key", "server_key");
    /** Sensitive custom header values are shown masked (the name stays, so clients see it is set). */
    static final String MASK = "****";

    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("webhook", List.of("url", "verb")),
            Map.entry("ibmce", List.of("type")),
            Map.entry("slack", List.of("type")),
            Map.entry("msteams", List.of("url")),
            Map.entry("pagerduty", List.of("routing_key")),
            Map.entry("servicenow", List.of("client_id", "client_secret", "username", "password", "instance_name")),
            Map.entry("ibmcos", List.of("bucket_name", "instance_id", "endpoint")),
            Map.entry("event_streams", List.of("crn", "endpoint", "topic")),
            Map.entry("app_configuration", List.of("type", "crn", "environment_id", "feature_id")),
            Map.entry("smtp_custom", List.of("domain")),
            Map.entry("push_ios", List.of("cert_type", "is_sandbox")),
            Map.entry("push_chrome", List.of("api_key", "website_url")),
            Map.entry("push_firefox", List.of("website_url")),
            Map.entry(
                    "push_safari",
                    List.of(
                            "cert_type",
                            "password",
                            "website_url",
                            "website_name",
                            "url_format_string",
                            "website_push_id")),
            Map.entry("push_huawei", List.of("client_id", "client_secret")));

    private static final Set<String> WEBHOOK_VERBS = Set.of("get", "post", "put", "patch");

    private DestinationParams() {}

    static void validate(String type, ObjectNode params) {
        for (String name : REQUIRED.getOrDefault(type, List.of())) {
            JsonNode value = params.get(name);
            if (value == null
                    || value.isNull()
                    || (value.isTextual() && value.textValue().isBlank())) {
                throw ApiException.badRequest("config.params." + name + " is required for " + type + " destinations");
            }
        }
        switch (type) {
            case "webhook" -> oneOf(params, "verb", WEBHOOK_VERBS, type);
            case "ibmce" -> {
                String kind = oneOf(params, "type", Set.of("application", "job"), type);
                require(params, kind.equals("application") ? List.of("url") : List.of("project_crn", "job_name"), type);
            }
            case "slack" -> {
                String kind = oneOf(params, "type", Set.of("incoming_webhook", "direct_message"), type);
                require(params, List.of(kind.equals("incoming_webhook") ? "url" : "token"), type);
            }
            case "app_configuration" -> oneOf(params, "type", Set.of("features"), type);
            default -> {}
        }
        checkSensitiveHeaders(params);
    }

    /**
     * Server-made params, such as the DNS records a custom email domain must publish. A sandbox
     * destination has no domain (IBM sends from its own) and so no records.
     */
    static void addServerParams(String type, ObjectNode params, String region) {
        if (type.equals("smtp_custom")) {
            String domain = params.path("domain").asText();
            ObjectNode dkim = params.putObject("dkim");
            dkim.put("public_key", "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC" + Integer.toHexString(domain.hashCode()));
            dkim.put("selector", "en-" + region);
            dkim.put("verification", "PENDING");
            ObjectNode spf = params.putObject("spf");
            spf.put("txt_name", domain);
            spf.put("txt_value", "v=spf1 include:" + region + ".event-notifications.cloud.ibm.com ~all");
            spf.put("verification", "PENDING");
        }
    }

    /** The params a GET shows: secret params left out, sensitive header values masked. */
    static ObjectNode publicView(ObjectNode params) {
        ObjectNode view = params.deepCopy();
        SECRET_PARAMS.forEach(view::remove);
        Set<String> sensitive = sensitiveHeaderNames(params);
        JsonNode headers = view.get("custom_headers");
        if (headers instanceof ObjectNode headerNode) {
            List.copyOf(headerNode.properties()).forEach(header -> {
                if (sensitive.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    headerNode.put(header.getKey(), MASK);
                }
            });
        }
        return view;
    }

    private static Set<String> sensitiveHeaderNames(ObjectNode params) {
        Set<String> names = new HashSet<>();
        params.path("sensitive_headers").forEach(name -> names.add(name.asText().toLowerCase(Locale.ROOT)));
        return names;
    }

    private static void checkSensitiveHeaders(ObjectNode params) {
        JsonNode headers = params.get("custom_headers");
        if (headers != null && !headers.isNull() && !headers.isObject()) {
            throw ApiException.badRequest("config.params.custom_headers must be an object");
        }
        JsonNode sensitive = params.get("sensitive_headers");
        if (sensitive != null && !sensitive.isNull() && !sensitive.isArray()) {
            throw ApiException.badRequest("config.params.sensitive_headers must be an array");
        }
    }

    private static String oneOf(ObjectNode params, String name, Set<String> allowed, String type) {
        String value = params.path(name).asText().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw ApiException.badRequest(
                    "config.params." + name + " of " + type + " destinations must be one of " + allowed);
        }
        return value;
    }

    private static void require(ObjectNode params, List<String> names, String type) {
        for (String name : names) {
            if (params.path(name).asText().isBlank()) {
                throw ApiException.badRequest(
                        "config.params." + name + " is required for this " + type + " destination");
            }
        }
    }
}
