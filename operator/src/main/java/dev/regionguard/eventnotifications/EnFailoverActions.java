package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.controller.protection.FailoverActions;
import dev.regionguard.spec.ProtectedSide;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Failover for Event Notifications: the old instance is fenced by disabling its API sources (its
 * publishers' events are refused, so nothing is delivered twice); unfencing restores each source's
 * recorded {@code enabled}; the new one publishes the IDs
 * of its sources by name, because IDs differ per instance and publishers need them.
 */
public final class EnFailoverActions implements FailoverActions<EventNotificationsProtection> {
    private static final String SOURCE = "source.";
    private final EventNotificationsClients clients;

    public EnFailoverActions(EventNotificationsClients clients) {
        this.clients = clients;
    }

    @Override
    public Map<String, String> fenceOriginals(EventNotificationsProtection protection, ProtectedSide side, ApiKey key) {
        Map<String, String> original = new TreeMap<>();
        for (ObjectNode source : apiSources(clients.forInstance(side.region(), side.id(), key))) {
            original.put(
                    SOURCE + source.path("id").asText(),
                    String.valueOf(source.path("enabled").asBoolean(true)));
        }
        return original;
    }

    @Override
    public String fence(EventNotificationsProtection protection, ProtectedSide side, ApiKey key) {
        EventNotificationsClient client = clients.forInstance(side.region(), side.id(), key);
        int changed = 0;
        for (ObjectNode source : apiSources(client)) {
            changed += setEnabled(client, source, false);
        }
        return "disabled " + changed + " API sources on " + side.region();
    }

    @Override
    public String unfence(
            EventNotificationsProtection protection, ProtectedSide side, ApiKey key, Map<String, String> original) {
        EventNotificationsClient client = clients.forInstance(side.region(), side.id(), key);
        int changed = 0;
        for (ObjectNode source : apiSources(client)) {
            String before = original.get(SOURCE + source.path("id").asText());
            if (before != null) { // a source created since the fence was never disabled by it
                changed += setEnabled(client, source, Boolean.parseBoolean(before));
            }
        }
        return "restored " + changed + " API sources on " + side.region();
    }

    @Override
    public Map<String, String> activate(EventNotificationsProtection protection, ProtectedSide side, ApiKey key) {
        Map<String, String> data = new TreeMap<>();
        data.put("instanceId", side.id());
        for (ObjectNode source :
                clients.forInstance(side.region(), side.id(), key).list(EnKind.SOURCE)) {
            data.put("source." + source.path("name").asText(), source.path("id").asText());
        }
        return data;
    }

    private static List<ObjectNode> apiSources(EventNotificationsClient client) {
        return client.list(EnKind.SOURCE).stream()
                .filter(s -> "api".equalsIgnoreCase(s.path("type").asText("api")))
                .toList();
    }

    /** 1 when the source was changed, 0 when it was already so. */
    private static int setEnabled(EventNotificationsClient client, ObjectNode source, boolean enabled) {
        if (source.path("enabled").asBoolean(true) == enabled) {
            return 0;
        }
        client.update(
                EnKind.SOURCE,
                source.path("id").asText(),
                JsonNodeFactory.instance.objectNode().put("enabled", enabled),
                List.of());
        return 1;
    }
}
