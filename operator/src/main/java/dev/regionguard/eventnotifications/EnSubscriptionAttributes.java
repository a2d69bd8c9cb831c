package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The three shapes of subscription attributes. Email and SMS recipients:
 * <ul>
 *   <li>GET: {@code invited}, {@code subscribed}, {@code unsubscribed}: lists of objects with
 *       {@code email} or {@code phone_number} and timestamps;</li>
 *   <li>create: {@code invited}: plain addresses;</li>
 *   <li>update: {@code invited: {add, remove}}, {@code subscribed: {remove}}.</li>
 * </ul>
 * Recipients copied to another instance start as invited (opt-in again), so the create shape
 * takes everyone invited or subscribed and drops those who unsubscribed; comparing in that shape
 * makes a fresh standby equal to a primary whose recipients have subscribed.
 * Slack direct-message {@code channels} are {@code [{id}]} on create and GET, and operations
 * {@code [{id, operation: add|remove}]} on update (IBM's {@code ChannelUpdateAttributes}); an update
 * with no channel to add or remove leaves {@code channels} out.
 */
final class EnSubscriptionAttributes {
    private static final String INVITED = "invited";
    private static final String SUBSCRIBED = "subscribed";
    private static final String UNSUBSCRIBED = "unsubscribed";
    private static final String CHANNELS = "channels";

    private EnSubscriptionAttributes() {}

    /** Rewrites GET-shaped recipients into the create shape, in place; other attributes stay. */
    static void toCreateShape(ObjectNode attributes) {
        boolean recipients = List.of(INVITED, SUBSCRIBED, UNSUBSCRIBED).stream()
                .anyMatch(f -> attributes.path(f).isArray());
        if (!recipients) {
            return;
        }
        Set<String> addresses = addresses(attributes.get(INVITED));
        addresses.addAll(addresses(attributes.get(SUBSCRIBED)));
        attributes.remove(List.of(SUBSCRIBED, UNSUBSCRIBED));
        attributes.set(INVITED, EnJson.textArray(addresses));
    }

    /**
     * The update shape of create-shaped {@code desired} attributes, given the target's current
     * (GET-shaped) attributes.
     */
    static ObjectNode toUpdateShape(ObjectNode desired, JsonNode current) {
        ObjectNode update = desired.deepCopy();
        if (desired.path(INVITED).isArray()) {
            Set<String> wanted = addresses(desired.get(INVITED));
            Set<String> invitedNow = addresses(current.get(INVITED));
            Set<String> subscribedNow = addresses(current.get(SUBSCRIBED));
            Set<String> add = new TreeSet<>(wanted);
            add.removeAll(invitedNow);
            add.removeAll(subscribedNow);
            ObjectNode invited = update.putObject(INVITED);
            invited.set("add", EnJson.textArray(add));
            invited.set("remove", EnJson.textArray(minus(invitedNow, wanted)));
            Set<String> unsubscribe = minus(subscribedNow, wanted);
            if (!unsubscribe.isEmpty()) {
                update.putObject(SUBSCRIBED).set("remove", EnJson.textArray(unsubscribe));
            }
        }
        if (desired.path(CHANNELS).isArray()) {
            ArrayNode operations = channelOperations(desired.get(CHANNELS), current.get(CHANNELS));
            if (operations.isEmpty()) {
                update.remove(CHANNELS); // IBM takes channels as optional: nothing to add or remove
            } else {
                update.set(CHANNELS, operations);
            }
        }
        return update;
    }

    private static ArrayNode channelOperations(JsonNode wanted, JsonNode current) {
        Map<String, ObjectNode> wantedById = channelsById(wanted);
        Map<String, ObjectNode> currentById = channelsById(current);
        ArrayNode operations = EnJson.NODES.arrayNode();
        wantedById.keySet().stream()
                .filter(id -> !currentById.containsKey(id))
                .forEach(id -> operations.addObject().put("id", id).put("operation", "add"));
        currentById.keySet().stream()
                .filter(id -> !wantedById.containsKey(id))
                .forEach(id -> operations.addObject().put("id", id).put("operation", "remove"));
        return operations;
    }

    private static Map<String, ObjectNode> channelsById(JsonNode channels) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        if (channels != null && channels.isArray()) {
            channels.forEach(c -> {
                if (c.isObject() && EnJson.text(c, "id") != null) {
                    byId.put(EnJson.text(c, "id"), (ObjectNode) c);
                }
            });
        }
        return byId;
    }

    /** Addresses of a recipient list, whichever shape: objects with email/phone_number, or plain text. */
    static Set<String> addresses(JsonNode list) {
        Set<String> result = new TreeSet<>();
        if (list == null || !list.isArray()) {
            return result;
        }
        for (JsonNode entry : list) {
            String address = entry.isTextual()
                    ? entry.asText()
                    : entry.has("email") ? EnJson.text(entry, "email") : EnJson.text(entry, "phone_number");
            if (address != null && !address.isEmpty()) {
                result.add(address);
            }
        }
        return result;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
