package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.sync.SyncOutcome.EntityIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Custom-domain e-mail on one standby after a pass: each {@code smtp_custom} destination and SMTP
 * configuration whose DNS records IBM does not call VERIFIED gets IBM's verify call when the
 * {@link DomainVerifyBackoff} says it is due, and stays reported as {@code DomainNotVerified} until
 * IBM says VERIFIED: without it, e-mail from that domain does not send after a failover. Sandbox
 * destinations send from IBM's own domain and have nothing to verify.
 */
final class EnDomainVerification {
    static final String REASON = "DomainNotVerified";

    private static final List<String> DESTINATION_RECORDS = List.of("dkim", "spf");
    private static final List<String> SMTP_RECORDS = List.of("dkim", "spf", "en_authorization");

    private final EventNotificationsClient client;
    private final DomainVerifyBackoff backoff;

    EnDomainVerification(EventNotificationsClient client, DomainVerifyBackoff backoff) {
        this.client = client;
        this.backoff = backoff;
    }

    /**
     * @param writes whether verify calls may be made (they change IBM's stored state)
     * @param lists this instance's list of destinations and of SMTP configurations
     */
    List<EntityIssue> check(boolean writes, Function<EnKind, List<ObjectNode>> lists) {
        List<EntityIssue> issues = new ArrayList<>();
        for (ObjectNode item : lists.apply(EnKind.DESTINATION)) {
            if ("smtp_custom".equals(EnJson.text(item, "type"))) {
                ObjectNode destination = client.get(EnKind.DESTINATION, EnJson.text(item, "id"));
                JsonNode params = destination.path("config").path("params");
                List<String> pending = pending(params, DESTINATION_RECORDS);
                if (!pending.isEmpty() && writes) {
                    pending = verify(EnKind.DESTINATION, EnJson.text(destination, "id"), pending);
                }
                report(
                        issues,
                        EnEntityTypes.DESTINATION,
                        "smtp_custom/" + EnJson.text(destination, "name"),
                        params.path("domain").asText(),
                        pending);
            }
        }
        for (ObjectNode config : lists.apply(EnKind.SMTP_CONFIG)) {
            List<String> pending = pending(config.path("config"), SMTP_RECORDS);
            if (!pending.isEmpty() && writes) {
                pending = verify(EnKind.SMTP_CONFIG, EnJson.text(config, "id"), pending);
            }
            report(
                    issues,
                    EnEntityTypes.SMTP_CONFIG,
                    EnJson.text(config, "name"),
                    EnJson.text(config, "domain"),
                    pending);
        }
        return issues;
    }

    /** The records not yet verified, after IBM's verify call if one is due; a failed call changes nothing. */
    private List<String> verify(EnKind kind, String id, List<String> pending) {
        String key = client.instanceId() + "/" + kind + "/" + id;
        if (!backoff.due(key)) {
            return pending;
        }
        List<String> still = new ArrayList<>(pending);
        try {
            if (kind == EnKind.DESTINATION) {
                // one record per call for destinations
                for (String record : pending) {
                    if (verified(client.verifyDomain(kind, id, record))) {
                        still.remove(record);
                    }
                }
            } else {
                client.verifyDomain(kind, id, String.join(",", pending))
                        .path("status")
                        .forEach(s -> {
                            if (verified(s)) {
                                still.remove(s.path("type").asText());
                            }
                        });
            }
        } catch (IbmApiException e) {
            // reported as not verified; the back-off spaces the next try like any other answer
        }
        if (still.isEmpty()) {
            backoff.verified(key);
        } else {
            backoff.notVerified(key);
        }
        return still;
    }

    private static List<String> pending(JsonNode records, List<String> names) {
        return names.stream()
                .filter(name -> records.has(name) && !verified(records.get(name)))
                .toList();
    }

    private static boolean verified(JsonNode record) {
        return "VERIFIED".equals(record.path("verification").asText().toUpperCase(Locale.ROOT));
    }

    /** The message names records and domain only, and nothing that changes between passes. */
    private void report(List<EntityIssue> issues, String type, String key, String domain, List<String> pending) {
        if (pending.isEmpty()) {
            return;
        }
        issues.add(new EntityIssue(
                type,
                key,
                REASON,
                "IBM has not verified " + String.join(", ", pending) + " of domain '" + domain + "' on this standby ("
                        + client.region() + "): publish the DNS records this standby shows; RegionGuard asks IBM"
                        + " to verify again with back-off"));
    }
}
