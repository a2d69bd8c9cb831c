package dev.regionguard.failover;

import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.api.VantagePoint;
import dev.regionguard.controller.failover.CommittedFailovers;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    boolean fencesOutside;
    /** The views the protection's status last counted (none without a quorum). */
    final List<VantagePoint> vantagePoints = new ArrayList<>();
    /** The protection's RegionFailovers by name, as the informer lists them; each FakeWiring keeps its own here. */
    final Map<String, RegionFailover> failovers = new LinkedHashMap<>();

    List<FailoverRecord> history = new ArrayList<>();
    /** The world: true while the old active region's fence, made by a failover, is in place. */
    boolean oldRegionFenced;

    /**
     * The view production builds: the topology after every committed RegionFailover (the real epoch guard
     * of {@link CommittedFailovers#apply}) and the lock holder of {@link CommittedFailovers#holder}.
     */
    ProtectionView view(Instant now) {
        List<RegionFailover> all = List.copyOf(failovers.values());
        RegionTopology topology = CommittedFailovers.apply(this.topology, all);
        String holder = CommittedFailovers.holder(all)
                .map(r -> r.getMetadata().getName())
                .orElse(null);
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
        return new ProtectionView(
                kind,
                topology,
                health,
                readiness,
                holder,
                endpointConfigMap,
                endpoints,
                fencesOutside,
                vantagePoints,
                history);
    }

    /** What the protection's reconciler does on each RegionFailover change: applies the commits to its status. */
    boolean mirrorCommits() {
        RegionTopology applied = CommittedFailovers.apply(topology, List.copyOf(failovers.values()));
        boolean changed = applied.epoch() != topology.epoch();
        topology = applied;
        return changed;
    }

    /** The RegionFailover that may run now (the lock), or null. */
    String holder() {
        return CommittedFailovers.holder(List.copyOf(failovers.values()))
                .map(r -> r.getMetadata().getName())
                .orElse(null);
    }

    /** A RegionFailover of this protection, created at created, with the status recorded (null: none yet). */
    void putFailover(String name, Instant created, RegionFailoverStatus status) {
        RegionFailover existing = failovers.get(name);
        RegionFailover rfo = new RegionFailover();
        rfo.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace("shop")
                .withCreationTimestamp(
                        existing == null
                                ? created.toString()
                                : existing.getMetadata().getCreationTimestamp())
                .build());
        rfo.setStatus(status);
        failovers.put(name, rfo);
    }

    /** Another RegionFailover, created a minute before T0, that has not finished: it holds the lock. */
    void earlierFailoverRunning(String name) {
        putFailover(name, T0.minusSeconds(60), null);
    }

    /** The topology after a committed failover to us-east: us-south fenced. */
    FakeProtection failedOverToUsEast() {
        topology = topology.afterFailover("us-east");
        return this;
    }
}
