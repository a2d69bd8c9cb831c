package dev.regionguard.controller.protection;

import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.controller.failover.AutomaticFailoverRequest;
import dev.regionguard.controller.failover.CommittedFailovers;
import dev.regionguard.failover.AutomaticFailoverPolicy;
import dev.regionguard.failover.FailoverHistory;
import dev.regionguard.failover.RegionTopology;
import dev.regionguard.failover.StandbyFacts;
import dev.regionguard.failover.StandbyReadiness;
import dev.regionguard.failover.VantageQuorum;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.spec.ProtectionSettings;
import dev.regionguard.telemetry.EventRecorder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic failover decision of a pass ({@link AutomaticFailoverPolicy}) and its only act:
 * creating a RegionFailover, which its own reconciler then runs. Logs why it holds back, once per reason.
 */
final class AutomaticFailover {
    private static final Logger LOG = LoggerFactory.getLogger(AutomaticFailover.class);
    private final ProtectionKind kind;
    private final EventRecorder events;

    AutomaticFailover(ProtectionKind kind, EventRecorder events) {
        this.kind = kind;
        this.events = events;
    }

    void consider(
            HasMetadata protection,
            KubernetesClient client,
            Observation seen,
            ProtectionStatus status,
            ProtectionRuntimes.Runtime runtime,
            VantageQuorum quorum,
            Instant now) {
        ProtectionSettings settings = seen.settings();
        if (settings.problem() != null || settings.failover().mode() != FailoverMode.Automatic) {
            return;
        }
        RegionTopology topology = seen.topology();
        Map<String, RegionHealth> live = runtime.health(status.regions, now);
        boolean inProgress = seen.failovers().stream().anyMatch(r -> !CommittedFailovers.isFinal(r));
        AutomaticFailoverPolicy.Situation situation = new AutomaticFailoverPolicy.Situation(
                topology.activeRegion(),
                live.getOrDefault(topology.activeRegion(), RegionHealth.unknown(now)),
                readiness(topology, status, live, settings.sync().interval(), now),
                FailoverHistory.lastAutomaticFailover(
                                CommittedFailovers.history(status.failoverHistory, seen.failovers()))
                        .orElse(null),
                inProgress,
                quorum);
        AutomaticFailoverPolicy.Verdict verdict =
                new AutomaticFailoverPolicy(settings.failover(), settings.health()).evaluate(situation, now);
        if (verdict instanceof AutomaticFailoverPolicy.Decision decision) {
            create(protection, client, decision, now);
            runtime.holdChanged(null);
        } else if (runtime.holdChanged(verdict.reason().replaceAll("[0-9]+", "#")) && !status.regions.isEmpty()) {
            // keyed without numbers: "synced 12s ago" must not make a new log line every probe
            LOG.info("no automatic failover: {}", verdict.reason());
        }
    }

    private void create(
            HasMetadata protection, KubernetesClient client, AutomaticFailoverPolicy.Decision decision, Instant now) {
        RegionFailover rfo = AutomaticFailoverRequest.build(
                kind,
                protection.getMetadata().getName(),
                protection.getMetadata().getNamespace(),
                decision,
                now);
        String name = rfo.getMetadata().getName();
        try {
            client.resource(rfo).create();
            LOG.warn("automatic failover {} to {}: {}", name, decision.targetRegion(), decision.reason());
            events.warning(
                    protection,
                    "AutomaticFailover",
                    "created RegionFailover " + name + " to " + decision.targetRegion());
        } catch (RuntimeException e) { // e.g. 409: the same decision was already made
            LOG.warn("could not create RegionFailover {}: {}", name, e.getMessage());
        }
    }

    /** How ready each standby is to take over: for this decision and for a RegionFailover's view. */
    static List<StandbyReadiness> readiness(
            RegionTopology topology,
            ProtectionStatus status,
            Map<String, RegionHealth> live,
            Duration syncInterval,
            Instant now) {
        List<StandbyReadiness> readiness = new ArrayList<>();
        for (String region : topology.otherRegions()) {
            StandbyStatus standby = status.standbys == null
                    ? null
                    : status.standbys.stream()
                            .filter(s -> region.equals(s.region))
                            .findFirst()
                            .orElse(null);
            HealthState state = live.containsKey(region) ? live.get(region).state() : HealthState.Unknown;
            readiness.add(StandbyReadiness.of(
                    StandbyFacts.of(
                            region, standby, state, topology.fencedRegions().contains(region)),
                    syncInterval,
                    now));
        }
        return readiness;
    }
}
