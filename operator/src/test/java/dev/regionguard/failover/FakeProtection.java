package dev.regionguard.failover;

import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Event Notifications protection as the wiring would see it: us-south primary, us-east and eu-de
 * standbys, all Healthy and synced a minute ago, sync every 5 minutes. Tests change what they need.
 */
final class FakeProtection {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration SYNC_INTERVAL = Duration.ofMinutes(5);

    RegionTopology topology = new RegionTopology("us-south", List.of("us-east", "eu-de"), "us-south", 0, Set.of());
    final Map<String, HealthState> health = new HashMap<>(
            Map.of("us-south", HealthState.Healthy, "us-east", HealthState.Healthy, "eu-de", HealthState.Healthy));
    final Map<String, Instant> lastSuccessfulSync = new HashMap<>(
            Map.of("us-south", T0.minusSeconds(60), "us-east", T0.minusSeconds(60), "eu-de", T0.minusSeconds(90)));
    final Map<String, Integer> unsyncedEntities = new HashMap<>();
    ProtectionKind kind = ProtectionKind.EventNotificationsProtection;
    String endpointConfigMap = "orders-notifications-endpoint";
    /** status.failover.name */
    String lock;

    List<FailoverRecord> history = new ArrayList<>();

    ProtectionView view(Instant now) {
        List<StandbyReadiness> readiness = topology.otherRegions().stream()
                .map(region -> StandbyReadiness.of(
                        new StandbyFacts(
                                region,
                                lastSuccessfulSync.get(region),
                                health.getOrDefault(region, HealthState.Unknown),
                                unsyncedEntities.getOrDefault(region, 0),
                                topology.fencedRegions().contains(region)),
                        SYNC_INTERVAL,
                        now))
                .toList();
        Map<String, String> endpoints = new HashMap<>();
        topology.regions().forEach(r -> endpoints.put(r, "https://" + r + ".event-notifications.cloud.ibm.com"));
        return new ProtectionView(kind, topology, health, readiness, lock, endpointConfigMap, endpoints);
    }

    /** The topology after a committed failover to us-east: us-south fenced. */
    FakeProtection failedOverToUsEast() {
        topology = topology.afterFailover("us-east");
        return this;
    }
}
