package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Set;

/**
 * The channels of a Slack direct-message subscription. Created and read as {@code [{id}]}; a PATCH
 * sends operations {@code [{id, operation}]} with {@code operation} {@code add} or {@code remove}
 * (IBM's {@code ChannelUpdateAttributes}: both fields required), applied in order to the stored
 * list. Adding a channel already there or removing one that is not changes nothing.
 */
final class SlackChannels {
    private static final Set<String> OPERATIONS = Set.of("add", "remove");

    private SlackChannels() {}

    /** The stored channels after {@code operations}; {@code operations} null keeps them as they are. */
    static ArrayNode apply(JsonNode stored, JsonNode operations) {
        ArrayNode channels = stored != null && stored.isArray() ? (ArrayNode) stored.deepCopy() : Json.array();
        if (operations == null || operations.isNull()) {
            return channels;
        }
        if (!operations.isArray()) {
            throw ApiException.badRequest("attributes.channels must be an array of {id, operation}");
        }
        for (JsonNode operation : operations) {
            String id = operation.path("id").textValue();
            String kind = operation.path("operation").textValue();
            if (id == null || id.isBlank() || kind == null || !OPERATIONS.contains(kind)) {
                throw ApiException.badRequest("attributes.channels items need an id and an operation of add or remove");
            }
            int index = indexOf(channels, id);
            if (kind.equals("add") && index < 0) {
                channels.addObject().put("id", id);
            } else if (kind.equals("remove") && index >= 0) {
                channels.remove(index);
            }
        }
        return channels;
    }

    private static int indexOf(ArrayNode channels, String id) {
        for (int i = 0; i < channels.size(); i++) {
            if (id.equals(channels.get(i).path("id").textValue())) {
                return i;
            }
        }
        return -1;
    }
}
