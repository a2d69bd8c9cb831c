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
 * publishers' events are refused, so nothing is delivered twice); the new one publishes the IDs
 * of its sources by name, because IDs differ per instance and publishers need them.
 */
public final class EnFailoverActions implements FailoverActions<EventNotificationsProtection> {
    private final EventNotificationsClients clients;

    public EnFailoverActions(EventNotificationsClients clients) {
        this.clients = clients;
    }

    @Override
    public String fence(EventNotificationsProtection protection, ProtectedSide side, ApiKey key) {
        return setApiSources(side, key, false);
    }

    @Override
    public String unfence(
            EventNotificationsProtection protection,
            ProtectedSide side,
            ApiKey key,
            ProtectedSide reference,
            ApiKey referenceKey) {
        Map<String, Boolean> wanted = new TreeMap<>();
        clients.forInstance(reference.region(), reference.id(), referenceKey)
                .list(EnKind.SOURCE)
                .forEach(s ->
                        wanted.put(s.path("name").asText(), s.path("enabled").asBoolean(true)));
        EventNotificationsClient client = clients.forInstance(side.region(), side.id(), key);
        int changed = 0;
        for (ObjectNode source : client.list(EnKind.SOURCE)) {
            boolean enabled = wanted.getOrDefault(source.path("name").asText(), true);
            if ("api".equalsIgnoreCase(source.path("type").asText("api"))
                    && source.path("enabled").asBoolean(true) != enabled) {
                client.update(
                        EnKind.SOURCE,
                        source.path("id").asText(),
                        JsonNodeFactory.instance.objectNode().put("enabled", enabled),
                        List.of());
                changed++;
            }
        }
        return "re-enabled " + changed + " API sources on " + side.region();
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

    private String setApiSources(ProtectedSide side, ApiKey key, boolean enabled) { // fencing: all off
        EventNotificationsClient client = clients.forInstance(side.region(), side.id(), key);
        List<ObjectNode> api = client.list(EnKind.SOURCE).stream()
                .filter(s -> "api".equalsIgnoreCase(s.path("type").asText("api")))
                .filter(s -> s.path("enabled").asBoolean(true) != enabled)
                .toList();
        for (ObjectNode source : api) {
            client.update(
                    EnKind.SOURCE,
                    source.path("id").asText(),
                    JsonNodeFactory.instance.objectNode().put("enabled", enabled),
                    List.of());
        }
        return (enabled ? "enabled " : "disabled ") + api.size() + " API sources on " + side.region();
    }
}
