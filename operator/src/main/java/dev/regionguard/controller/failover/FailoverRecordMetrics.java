package dev.regionguard.controller.failover;

import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.api.Timestamps;
import dev.regionguard.telemetry.RegionGuardMetrics;
import java.util.Locale;

/** What a RegionFailover's recorded status tells the metrics: in progress, since when, and how it ended. */
final class FailoverRecordMetrics {
    private final RegionGuardMetrics metrics;

    FailoverRecordMetrics(RegionGuardMetrics metrics) {
        this.metrics = metrics;
    }

    void observe(RegionFailover rfo) {
        RegionFailoverStatus status = rfo.getStatus();
        if (status == null || status.phase == null) {
            return;
        }
        String kind = kindOf(rfo);
        String namespace = rfo.getMetadata().getNamespace();
        String name = protectionName(rfo);
        String type = rfo.getSpec().type.name();
        metrics.registerFailovers(kind, namespace, name, type);
        boolean running = !status.phase.isFinal();
        metrics.recordFailoverInProgress(kind, namespace, name, running);
        FailoverStepStatus last = status.steps.isEmpty() ? null : status.steps.get(status.steps.size() - 1);
        metrics.recordFailoverPhaseStart(
                kind, namespace, name, running && last != null ? Timestamps.parse(last.startTime) : null);
    }

    /** Counts each final RegionFailover once, when this operator writes its final phase. */
    void countResult(RegionFailover rfo) {
        RegionFailoverStatus status = rfo.getStatus();
        metrics.recordFailoverResult(
                kindOf(rfo),
                rfo.getMetadata().getNamespace(),
                protectionName(rfo),
                rfo.getSpec().type.name(),
                status.phase.name().toLowerCase(Locale.ROOT),
                status.durationSeconds);
    }

    private static String protectionName(RegionFailover rfo) {
        return rfo.getSpec().protectionRef.name;
    }

    private static String kindOf(RegionFailover rfo) {
        return rfo.getSpec().protectionRef.kind.name();
    }
}
