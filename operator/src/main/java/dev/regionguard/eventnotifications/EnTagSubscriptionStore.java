package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.IbmApiException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The tag subscriptions of every push destination of one instance as one collection. IBM lists
 * them per destination, creates them with {@code {device_id, tag_name}}, deletes them by that pair
 * and never updates them; each is marked with its destination's id and key ({@link EnTagSubscriptionType}).
 */
final class EnTagSubscriptionStore implements EnNestedStore {
    private static final EnDestinationType DESTINATIONS = new EnDestinationType();
    private final EventNotificationsClient client;
    /** The instance's list of a kind, reused from earlier in the pass where it still holds. */
    private final Function<EnKind, List<ObjectNode>> lists;

    EnTagSubscriptionStore(EventNotificationsClient client, Function<EnKind, List<ObjectNode>> lists) {
        this.client = client;
        this.lists = lists;
    }

    /** Tag subscriptions exist on push destinations only (push_android, push_ios, ...). */
    static boolean push(ObjectNode destination) {
        String type = EnJson.text(destination, "type");
        return type != null && type.startsWith("push_");
    }

    /**
     * {@code <destination>/<device_id>/<tag_name>}, the last two URL-encoded (they are the owner's strings):
     * the id with the destination's id, the key with the destination's key.
     */
    static String path(String destination, String deviceId, String tagName) {
        return destination + "/" + encode(deviceId) + "/" + encode(tagName);
    }

    @Override
    public List<ObjectNode> list() {
        List<ObjectNode> subscriptions = new ArrayList<>();
        for (ObjectNode destination : lists.apply(EnKind.DESTINATION)) {
            if (push(destination)) {
                String destinationId = EnJson.text(destination, "id");
                for (ObjectNode subscription : client.listTagSubscriptions(destinationId)) {
                    subscriptions.add(marked(subscription, destinationId, DESTINATIONS.key(destination)));
                }
            }
        }
        return subscriptions;
    }

    @Override
    public ObjectNode find(String id) {
        String[] parts = id.split("/", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new IllegalArgumentException(
                    "not a tag subscription id <destination_id>/<device_id>/<tag_name>: " + id);
        }
        return IbmApiException.nullIfNotFound(() -> {
            ObjectNode destination = client.get(EnKind.DESTINATION, parts[0]);
            ObjectNode found = client.findTagSubscription(parts[0], decode(parts[1]), decode(parts[2]));
            return found == null ? null : marked(found, parts[0], DESTINATIONS.key(destination));
        });
    }

    @Override
    public ObjectNode create(ObjectNode body) {
        String destinationId = EnJson.text(body, "destination_id");
        ObjectNode sent = body.objectNode()
                .put("device_id", EnJson.text(body, "device_id"))
                .put("tag_name", EnJson.text(body, "tag_name"));
        ObjectNode created = client.createTagSubscription(destinationId, sent);
        return marked(created, destinationId, EnJson.text(body, EnTagSubscriptionType.DESTINATION_KEY));
    }

    /** Never called: every field is immutable, so a difference is a replacement (delete and create). */
    @Override
    public ObjectNode update(ObjectNode current, ObjectNode body) {
        throw new UnsupportedOperationException("IBM cannot update a tag subscription");
    }

    @Override
    public void delete(ObjectNode current) {
        client.deleteTagSubscription(
                EnJson.text(current, "destination_id"),
                EnJson.text(current, "device_id"),
                EnJson.text(current, "tag_name"));
    }

    private static ObjectNode marked(ObjectNode subscription, String destinationId, String destinationKey) {
        subscription.put("destination_id", destinationId);
        subscription.put(EnTagSubscriptionType.DESTINATION_KEY, destinationKey);
        return subscription;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
