package dev.regionguard.controller.protection;

import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.health.ProbeOutcome;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.health.RegionSummary;
import dev.regionguard.spec.HealthCheckSettings;
import dev.regionguard.spec.ProtectedSide;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "probe" step: one probe of every region of a protection, the live health it leads to, and
 * what others learn of it (log on a transition, metrics, the health board's one Event per outage).
 */
final class RegionProber<P extends HasMetadata> {
    private static final Logger LOG = LoggerFactory.getLogger(RegionProber.class);
    private final RegionProbe<P> probe;
    private final ProtectionServices services;
    private final Clock clock;

    RegionProber(RegionProbe<P> probe, ProtectionServices services, Clock clock) {
        this.probe = probe;
        this.services = services;
        this.clock = clock;
    }

    void probeAll(
            P protection,
            Observation seen,
            ProtectionRuntimes.Runtime runtime,
            ProtectionStatus previous,
            Instant now) {
        HealthCheckSettings settings = seen.settings().health();
        runtime.probed(now, settings.interval());
        Map<String, Runnable> calls = new LinkedHashMap<>();
        for (String region : seen.topology().regions()) {
            ProtectedSide side = seen.sides().byRegion().get(region);
            calls.put(
                    region,
                    () -> probe.probe(protection, side, seen.sides().keys().get(region)));
        }
        Map<String, ProbeOutcome> outcomes = RegionProbes.probe(services.probeExecutor(), calls, settings.timeout());
        Map<String, RegionHealth> health = runtime.health(previous.regions, now);
        Instant after = clock.instant();
        outcomes.forEach((region, outcome) -> {
            RegionHealth before = health.getOrDefault(region, RegionHealth.unknown(now));
            RegionHealth next = before.next(outcome, settings, after);
            health.put(region, next);
            if (next.transitioned(before)) {
                LOG.info(
                        "region {} is {}{}",
                        region,
                        next.state(),
                        next.lastError() == null ? "" : ": " + next.lastError());
            }
            String kind = protection.getKind();
            String namespace = protection.getMetadata().getNamespace();
            String name = protection.getMetadata().getName();
            services.metrics().recordRegionHealth(kind, namespace, name, region, next.state());
            services.metrics().recordProbeCompleted(kind, namespace, name, region, after, settings.interval());
        });
        announce(protection, health);
    }

    /** One probe of one region, for a failover step; bounded by the timeout. */
    ProbeOutcome probeOne(P protection, Sides sides, String region, Duration timeout) {
        return RegionProbes.probeOne(
                services.probeExecutor(),
                () -> probe.probe(
                        protection, sides.byRegion().get(region), sides.keys().get(region)),
                timeout);
    }

    static ProbeOutcome inconclusive(String reason) {
        return new ProbeOutcome.Inconclusive(ErrorCategory.INVALID_REQUEST, reason);
    }

    /** A protection is gone: the board forgets its regions. */
    void forget(ProtectionRuntimes.Runtime runtime) {
        services.board().forget(boardKey(runtime.kind(), runtime.namespace(), runtime.name()));
    }

    private void announce(P protection, Map<String, RegionHealth> health) {
        Map<String, HealthState> states = new TreeMap<>();
        health.forEach((region, h) -> states.put(region, h.state()));
        services.board()
                .update(
                        boardKey(
                                protection.getKind(),
                                protection.getMetadata().getNamespace(),
                                protection.getMetadata().getName()),
                        states);
        for (RegionSummary summary : services.board().announcements()) {
            if (summary.state() == HealthState.Unhealthy) {
                services.events().warning(protection, "RegionUnhealthy", summary.describe());
            } else {
                services.events().normal(protection, "RegionRecovered", summary.describe());
            }
        }
    }

    private static String boardKey(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }
}
