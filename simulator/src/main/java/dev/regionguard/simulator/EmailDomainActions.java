package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PATCH actions on custom e-mail domains, as IBM's SDKs call them:
 * {@code /destinations/{id}/verify?type=spf|dkim} answers {@code {"type","verification"}};
 * {@code /smtp/config/{id}/verify?type=dkim,spf,en_authorization} answers {@code {"status":[...]}};
 * {@code /destinations/{id}/upgrade} with {@code {"domain"}} turns an {@code smtp_custom_sandbox}
 * destination into {@code smtp_custom} and answers the destination. A record verifies once the
 * domain's DNS records exist ({@link EmailDns}); until then it stays PENDING.
 */
final class EmailDomainActions {

    static final String VERIFIED = "VERIFIED";
    static final String PENDING = "PENDING";
    private static final Set<String> DESTINATION_TYPES = Set.of("spf", "dkim");
    private static final Set<String> SMTP_TYPES = Set.of("spf", "dkim", "en_authorization");

    private EmailDomainActions() {}

    static Reply handle(EnInstance instance, EnRoute route, Map<String, String> query, byte[] body, EmailDns dns) {
        String action = route.action();
        if (route.kind() == EnKinds.DESTINATIONS && action.equals("verify")) {
            String type = requiredQuery(query.get("type"));
            if (!DESTINATION_TYPES.contains(type)) {
                throw ApiException.badRequest("Query parameter 'type' must be one of " + DESTINATION_TYPES);
            }
            return instance.locked(() -> new Reply(200, verifyDestination(instance, route.entityId(), type, dns)));
        }
        if (route.kind() == EnKinds.DESTINATIONS && action.equals("upgrade")) {
            String domain = Json.requiredText(Json.parseObject(body), "domain");
            return instance.locked(() -> new Reply(200, upgrade(instance, route.entityId(), domain)));
        }
        if (route.kind() == EnKinds.SMTP_CONFIGS && action.equals("verify")) {
            List<String> types = smtpTypes(query.get("type"));
            return instance.locked(() -> new Reply(200, verifySmtp(instance, route.entityId(), types, dns)));
        }
        throw ApiException.notFound("No such action '" + action + "'");
    }

    private static ObjectNode verifyDestination(EnInstance instance, String id, String type, EmailDns dns) {
        ObjectNode stored = instance.destinations.require(id);
        if (!"smtp_custom".equals(DestinationKind.type(stored))) {
            throw ApiException.badRequest("Only smtp_custom destinations have a domain to verify");
        }
        ObjectNode params = DestinationKind.params(stored);
        String state = dns.hasRecords(params.path("domain").asText()) ? VERIFIED : PENDING;
        ((ObjectNode) params.get(type)).put("verification", state);
        EntityKind.touch(instance, stored);
        ObjectNode answer = Json.object();
        answer.put("type", type);
        answer.put("verification", state);
        return answer;
    }

    private static ObjectNode upgrade(EnInstance instance, String id, String domain) {
        ObjectNode stored = instance.destinations.require(id);
        if (!"smtp_custom_sandbox".equals(DestinationKind.type(stored))) {
            throw ApiException.badRequest("Only smtp_custom_sandbox destinations can be upgraded");
        }
        ObjectNode params = DestinationKind.params(stored);
        params.put("domain", domain);
        stored.put("type", "smtp_custom");
        DestinationParams.addServerParams("smtp_custom", params, instance.region());
        EntityKind.touch(instance, stored);
        return EnKinds.DESTINATIONS.view(instance, stored);
    }

    private static ObjectNode verifySmtp(EnInstance instance, String id, List<String> types, EmailDns dns) {
        ObjectNode stored = instance.smtpConfigs.require(id);
        String state = dns.hasRecords(stored.path("domain").asText()) ? VERIFIED : PENDING;
        ObjectNode config = (ObjectNode) stored.get("config");
        ObjectNode answer = Json.object();
        ArrayNode status = answer.putArray("status");
        for (String type : types) {
            ((ObjectNode) config.get(type)).put("verification", state);
            status.addObject().put("type", type).put("verification", state);
        }
        EntityKind.touch(instance, stored);
        return answer;
    }

    /** A comma-separated list, as IBM's examples send it. */
    private static List<String> smtpTypes(String raw) {
        List<String> types = new ArrayList<>();
        for (String type : requiredQuery(raw).split(",")) {
            String trimmed = type.trim();
            if (!SMTP_TYPES.contains(trimmed)) {
                throw ApiException.badRequest("Query parameter 'type' takes a list of " + SMTP_TYPES);
            }
            if (!types.contains(trimmed)) {
                types.add(trimmed);
            }
        }
        return types;
    }

    private static String requiredQuery(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Query parameter 'type' is required");
        }
        return value;
    }
}
