package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.VerificationCheck;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.controller.protection.StandbyVerifier;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.spec.VerificationSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event Notifications: IBM's destination test on the standby's copy of each destination named in
 * spec.verification.destinations. IBM sends a test event through the destination and says whether the
 * end point took it; "accepted" (webhooks, answered later) counts as taken.
 */
public final class EnStandbyVerifier implements StandbyVerifier<EventNotificationsProtection> {
    private final EventNotificationsClients clients;

    public EnStandbyVerifier(EventNotificationsClients clients) {
        this.clients = clients;
    }

    @Override
    public List<VerificationCheck> verify(
            EventNotificationsProtection protection,
            ProtectedSide standby,
            ApiKey key,
            VerificationSettings settings,
            long deadlineNanos) {
        EventNotificationsClient client = clients.forInstance(standby.region(), standby.id(), key);
        Map<String, String> idsByName = new HashMap<>();
        long start = System.nanoTime();
        try {
            for (ObjectNode destination : client.list(EnKind.DESTINATION)) {
                idsByName.put(
                        destination.path("name").asText(),
                        destination.path("id").asText());
            }
        } catch (IbmApiException e) {
            return List.of(new VerificationCheck(
                    "destinations",
                    false,
                    StandbyVerifier.millisSince(start),
                    "could not list the standby's destinations: " + e.summary()));
        }
        List<VerificationCheck> checks = new ArrayList<>();
        for (String name : settings.destinations()) {
            String check = "destination/" + name;
            if (System.nanoTime() >= deadlineNanos) {
                checks.add(StandbyVerifier.notRun(check, settings));
            } else if (!idsByName.containsKey(name)) {
                checks.add(new VerificationCheck(check, false, 0, "the standby has no destination of that name"));
            } else {
                checks.add(test(client, check, idsByName.get(name)));
            }
        }
        return checks;
    }

    private static VerificationCheck test(EventNotificationsClient client, String check, String id) {
        long start = System.nanoTime();
        try {
            JsonNode answer = client.testDestination(id);
            String status = answer.path("status").asText("");
            long took = StandbyVerifier.millisSince(start);
            if (status.equals("success") || status.equals("accepted")) {
                return new VerificationCheck(check, true, took, "IBM's test " + status);
            }
            return new VerificationCheck(
                    check,
                    false,
                    took,
                    ("IBM's test " + (status.isEmpty() ? "gave no status" : status) + ": the end point answered "
                                    + answer.path("response_code").asText("nothing") + " "
                                    + answer.path("response_message").asText(""))
                            .trim());
        } catch (IbmApiException e) {
            return new VerificationCheck(check, false, StandbyVerifier.millisSince(start), e.summary());
        }
    }
}
