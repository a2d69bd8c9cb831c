package dev.regionguard.audit;

import java.util.Map;
import java.util.Optional;

/**
 * IBM Cloud Container Registry's regional hosts by the IBM Cloud region that uses them (IBM's
 * "Regions" page of Container Registry). {@code icr.io} is the global registry and belongs to no
 * region; {@code private.} hosts are the same registries over private endpoints.
 */
final class RegistryHosts {
    private static final Map<String, String> BY_REGION = Map.ofEntries(
            Map.entry("us-south", "us.icr.io"),
            Map.entry("us-east", "us.icr.io"),
            Map.entry("eu-de", "de.icr.io"),
            Map.entry("eu-gb", "uk.icr.io"),
            Map.entry("eu-es", "es.icr.io"),
            Map.entry("eu-fr2", "fr2.icr.io"),
            Map.entry("jp-tok", "jp.icr.io"),
            Map.entry("jp-osa", "jp2.icr.io"),
            Map.entry("au-syd", "au.icr.io"),
            Map.entry("ca-tor", "ca.icr.io"),
            Map.entry("br-sao", "br.icr.io"));

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
