package dev.regionguard.controller.protection;

import dev.regionguard.api.HealthState;
import dev.regionguard.failover.ActiveRegionRecord;
import dev.regionguard.failover.StepResult;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.spec.HealthCheckSettings;
import dev.regionguard.telemetry.EventRecorder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fences a failover could not apply (the old region did not answer): applied as soon as that region's
 * probe is Healthy again, through the service's own fence. Until then the region stays fenced in the
 * topology, so no sync writes to it.
 */
final class PendingFences<P extends HasMetadata> {
    private static final Logger LOG = LoggerFactory.getLogger(PendingFences.class);
    private final FenceStep<P> fencing;
    private final ActiveRegionLedger ledger;
    private final EventRecorder events;

    PendingFences(FenceStep<P> fencing, ActiveRegionLedger ledger, EventRecorder events) {
        this.fencing = fencing;
        this.ledger = ledger;
        this.events = events;
    }

    /** The observation with the ledger as it is after the fences that could be applied now. */
    Observation applyDue(KubernetesClient client, P protection, Observation seen, Map<String, RegionHealth> health) {
        ActiveRegionRecord record = seen.ledger();
        if (record == null || record.pendingFences().isEmpty() || seen.sides() == null) {
            return seen;
        }
        HealthCheckSettings settings = seen.settings().health() == null
                ? HealthCheckSettings.DEFAULTS
                : seen.settings().health();
        for (String region : record.pendingFences()) {
            RegionHealth h = health.get(region);
            if (h == null || h.state() != HealthState.Healthy) {
                continue;
            }
            StepResult result = fencing.fence(protection, seen.sides(), region, settings.timeout(), true);
            if (result.outcome() == StepResult.Outcome.SUCCEEDED) {
                ledger.fenceApplied(client, protection, region);
                record = record.fenceApplied(region);
                LOG.info("pending fence of {} applied: {}", region, result.message());
                events.normal(protection, "Fenced", region + ": " + result.message());
            } else {
                LOG.warn("pending fence of {} not applied yet: {}", region, result.message());
            }
        }
        return new Observation(
                seen.settings(), seen.failovers(), seen.topology(), seen.sides(), seen.blocked(), record);
    }
}
