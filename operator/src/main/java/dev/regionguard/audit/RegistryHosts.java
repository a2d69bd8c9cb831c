package dev.regionguard.audit;

import dev.regionguard.api.IbmRegions;
import java.util.Map;
import java.util.Optional;

/**
 * IBM Cloud Container Registry's regional hosts by the IBM Cloud region that uses them (IBM's
 * "Regions" page of Container Registry). {@code icr.io} is the global registry and belongs to no
 * region; {@code private.} hosts are the same registries over private endpoints.
 */
final class RegistryHosts {
    private static final Map<String, String> BY_REGION = IbmRegions.registryHosts(); // one table: the CRD's too

    private RegistryHosts() {}

    static Optional<String> of(String region) {
        return Optional.ofNullable(BY_REGION.get(region));
    }

    /** True when {@code host} is the region's registry, public or private. */
    static boolean isRegistryOf(String host, String region) {
        String registry = BY_REGION.get(region);
        return registry != null && (host.equals(registry) || host.equals("private." + registry));
    }
}
