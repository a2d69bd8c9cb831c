package dev.regionguard.simulator;

import java.util.Map;

/**
 * {@code /_sim/regions/{r}/instances/{id}/devices}: the HTTP form of {@link OutsideWorld#registerDevice}
 * and {@link OutsideWorld#unregisterDevice} for the standalone mode.
 * {@code POST ...devices?destination=NAME&device_id=D[&user_id=U]} registers the device with the push
 * destination of that name, {@code DELETE ...devices?destination=NAME&device_id=D} unregisters it (and drops
 * its tag subscriptions); both answer 200 {@code {"ok":true}}. An unknown instance answers 404; an unknown or
 * non-push destination, or a missing parameter, 400.
 */
final class PushDeviceControl {

    private PushDeviceControl() {}

    static Reply handle(
            IbmCloudSimulator simulator, String method, String region, String instanceId, Map<String, String> query) {
        if (!simulator.instanceIds(region).contains(instanceId)) {
            throw ApiException.notFound("Unknown instance '" + instanceId + "'");
        }
        String destination = required(query, "destination");
        String deviceId = required(query, "device_id");
        String userId = query.get("user_id");
        String user = userId == null || userId.isBlank() ? null : userId;
        switch (method) {
            case "POST" -> simulator.outside().registerDevice(region, instanceId, destination, deviceId, user);
            case "DELETE" -> simulator.outside().unregisterDevice(region, instanceId, destination, deviceId);
            default -> throw ApiException.methodNotAllowed(method);
        }
        return new Reply(200, Json.object().put("ok", true));
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Query parameter '" + name + "' is required");
        }
        return value;
    }
}
