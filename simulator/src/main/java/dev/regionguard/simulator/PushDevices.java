package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The devices registered with an instance's push destinations. IBM's push client SDKs register them,
 * not the admin API, so only {@link OutsideWorld} adds or removes one. A device's tag subscriptions
 * live and die with its registration. Callers hold the instance lock.
 */
final class PushDevices {

    static final Set<String> PUSH_TYPES =
            Set.of("push_android", "push_ios", "push_chrome", "push_firefox", "push_safari", "push_huawei");

    /** Destination id to device id to user id; a device registered without a user maps to null. */
    private final Map<String, Map<String, String>> byDestination = new HashMap<>();

    private final EntityTable tagSubscriptions;

    PushDevices(EntityTable tagSubscriptions) {
        this.tagSubscriptions = tagSubscriptions;
    }

    /** The push destination with this id: 404 when there is none, 400 when it is of another type. */
    static ObjectNode requirePushDestination(EnInstance instance, String destinationId) {
        ObjectNode destination = instance.destinations.require(destinationId);
        String type = DestinationKind.type(destination);
        if (!PUSH_TYPES.contains(type)) {
            throw ApiException.badRequest("Tag subscriptions exist only on push destinations; destination '"
                    + destinationId + "' is of type " + type);
        }
        return destination;
    }

    boolean registered(String destinationId, String deviceId) {
        return byDestination.getOrDefault(destinationId, Map.of()).containsKey(deviceId);
    }

    /** Null when the device was registered without a user. */
    String userId(String destinationId, String deviceId) {
        return byDestination.getOrDefault(destinationId, Map.of()).get(deviceId);
    }

    /** Registering again replaces the user, as a push SDK's re-registration updates the device. */
    void register(String destinationId, String deviceId, String userId) {
        byDestination
                .computeIfAbsent(destinationId, id -> new LinkedHashMap<>())
                .put(deviceId, userId);
        tagSubscriptions.all().stream()
                .filter(s -> belongsTo(s, destinationId, deviceId))
                .forEach(s -> {
                    if (userId == null) {
                        s.remove("user_id");
                    } else {
                        s.put("user_id", userId);
                    }
                });
    }

    /** Also drops the device's tag subscriptions; a device that is not registered is left alone. */
    void unregister(String destinationId, String deviceId) {
        Map<String, String> devices = byDestination.get(destinationId);
        if (devices != null) {
            devices.remove(deviceId);
        }
        tagSubscriptions.all().stream()
                .filter(s -> belongsTo(s, destinationId, deviceId))
                .forEach(s -> tagSubscriptions.remove(s.get("id").textValue()));
    }

    /** The destination is deleted: its devices and their tag subscriptions go with it. */
    void dropDestination(String destinationId) {
        byDestination.remove(destinationId);
        tagSubscriptions.all().stream()
                .filter(s -> destinationId.equals(s.path("destination_id").textValue()))
                .forEach(s -> tagSubscriptions.remove(s.get("id").textValue()));
    }

    private static boolean belongsTo(ObjectNode subscription, String destinationId, String deviceId) {
        return destinationId.equals(subscription.path("destination_id").textValue())
                && deviceId.equals(subscription.path("device_id").textValue());
    }
}
