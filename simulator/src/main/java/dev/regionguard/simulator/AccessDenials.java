package dev.regionguard.simulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** (API key, region, EN instance or Code Engine project) triples whose tokens the APIs refuse with 403. */
final class AccessDenials {

    private record Target(String apiKey, String region, String instanceId) {}

    /** The 403 a denied token gets. */
    static ApiException forbidden() {
        return new ApiException(
                403, "authorization_error", "Unfortunately you don't have a permission to access requested resource");
    }

    private final Set<Target> denied = ConcurrentHashMap.newKeySet();

    void deny(String apiKey, String region, String instanceId) {
        denied.add(new Target(apiKey, region, instanceId));
    }

    void allow(String apiKey, String region, String instanceId) {
        denied.remove(new Target(apiKey, region, instanceId));
    }

    boolean isDenied(String apiKey, String region, String instanceId) {
        return denied.contains(new Target(apiKey, region, instanceId));
    }
}
