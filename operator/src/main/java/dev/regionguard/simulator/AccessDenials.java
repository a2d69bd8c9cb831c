package dev.regionguard.simulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** (API key, region, instance) triples whose tokens EN refuses with 403. */
final class AccessDenials {

    private record Target(String apiKey, String region, String instanceId) { }

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
