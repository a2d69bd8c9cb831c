package dev.regionguard.failover;

import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.VantagePoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a failover needs to know about its protection, read by the wiring just before each decision.
 *
 * @param readiness      of every region except the active one, in spec order (fenced ones included, not ready)
 * @param health         per region; absent means Unknown
 * @param failoverHolder name of the RegionFailover in status.failover, or null
 * @param endpoints      the endpoint that would be published per region, when the wiring knows it
 * @param fencesOutside  the service also fences a region outside it (Code Engine behind CIS): Fencing
 *                       then runs for an Unhealthy old region too, without contacting the region
 * @param vantagePoints  each vantage point's view as the protection's status last counted it; empty
 *                       without a quorum
 * @param history        the protection's finished failovers, newest first: what each step took before
 */
public record ProtectionView(
        ProtectionKind kind,
        RegionTopology topology,
        Map<String, HealthState> health,
        List<StandbyReadiness> readiness,
        String failoverHolder,
        String endpointConfigMap,
        Map<String, String> endpoints,
        boolean fencesOutside,
        List<VantagePoint> vantagePoints,
        List<FailoverRecord> history) {

    public ProtectionView {
        vantagePoints = List.copyOf(vantagePoints);
        history = List.copyOf(history);
        health = Map.copyOf(health);
        readiness = List.copyOf(readiness);
        endpoints = Map.copyOf(endpoints);
    }

    public HealthState health(String region) {
        return health.getOrDefault(region, HealthState.Unknown);
    }

    /** The readiness of a region; a region the wiring gave none for is not ready. */
    public StandbyReadiness readinessOf(String region) {
        return readiness.stream()
                .filter(r -> r.region().equals(region))
                .findFirst()
                .orElseGet(() -> new StandbyReadiness(
                        region,
                        false,
                        "no sync status yet",
                        null,
                        topology.fencedRegions().contains(region)));
    }

    /** Readiness of every region except the active one, in spec order. */
    public List<StandbyReadiness> candidates() {
        return topology.otherRegions().stream().map(this::readinessOf).toList();
    }

    public Optional<String> endpoint(String region) {
        return Optional.ofNullable(endpoints.get(region));
    }
}
