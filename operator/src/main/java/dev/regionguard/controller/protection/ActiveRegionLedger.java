package dev.regionguard.controller.protection;

import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverStepResult;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionSpec;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.failover.ActiveRegionDecision;
import dev.regionguard.failover.ActiveRegionRecord;
import dev.regionguard.failover.FailoverStateMachine;
import dev.regionguard.spec.Blocked;
import dev.regionguard.telemetry.EventRecorder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step between observe and act: reads the protection's ledger, decides with
 * {@link ActiveRegionDecision} whether the observed topology may be acted on, writes the ledger when
 * it learnt something (before any sync of the pass), and announces fences that are still pending.
 */
final class ActiveRegionLedger {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveRegionLedger.class);
    private final ProtectionKind kind;
    private final ReferencedObjects<?> objects;
    private final EventRecorder events;

    /** The observation to act on (with the ledger), or the conflict that holds every write. */
    record Checked(Observation seen, PassResult.Blocked conflict) {}

    ActiveRegionLedger(ProtectionKind kind, ReferencedObjects<?> objects, EventRecorder events) {
        this.kind = kind;
        this.objects = objects;
        this.events = events;
    }

    <P extends CustomResource<? extends ProtectionSpec, ?>> Checked check(
            KubernetesClient client, P protection, Observation seen) {
        if (seen.blocked() != null || seen.topology() == null || seen.sides() == null) {
            return new Checked(seen, null); // nothing will be written anyway
        }
        LedgerStore.Read read = LedgerStore.read(client, kind, protection);
        Map<String, String> sides = new TreeMap<>();
        seen.sides().byRegion().forEach((region, side) -> sides.put(region, side.id()));
        String decided = protection.getMetadata().getAnnotations() == null
                ? null
                : protection.getMetadata().getAnnotations().get(ActiveRegionDecision.ANNOTATION);
        long since = read.record() == null ? -1 : read.record().epoch();
        ActiveRegionDecision decision = ActiveRegionDecision.decide(
                read.record(), seen.topology(), sides, fencedBy(seen.failovers(), since), decided);
        if (decision instanceof ActiveRegionDecision.Conflict conflict) {
            LOG.warn("{}: {}", ActiveRegionDecision.REASON, conflict.message());
            return new Checked(
                    new Observation(seen.settings(), seen.failovers(), null, null, null),
                    new PassResult.Blocked(false, ActiveRegionDecision.REASON, conflict.message()));
        }
        ActiveRegionDecision.Proceed proceed = (ActiveRegionDecision.Proceed) decision;
        ActiveRegionRecord record = proceed.record();
        if (!record.equals(read.record())) {
            LedgerStore.write(client, kind, protection, read, record);
            LOG.info(
                    "ledger: {} active at epoch {}, pending fences {}",
                    record.activeRegion(),
                    record.epoch(),
                    record.pendingFences());
            Set<String> newlyPending = new TreeSet<>(record.pendingFences());
            if (read.record() != null) {
                newlyPending.removeAll(read.record().pendingFences());
            }
            newlyPending.forEach(region -> events.warning(
                    protection,
                    "FencePending",
                    region + " could not be fenced; it is fenced as soon as it answers, and nothing is synced to it"));
        }
        try {
            Sides resolved = proceed.topology().equals(seen.topology())
                    ? seen.sides()
                    : Sides.resolve(protection, proceed.topology(), objects);
            return new Checked(
                    new Observation(seen.settings(), seen.failovers(), proceed.topology(), resolved, null, record),
                    null);
        } catch (Blocked e) {
            return new Checked(new Observation(seen.settings(), seen.failovers(), proceed.topology(), null, e), null);
        }
    }

    /** After a fence was applied: the ledger without it. */
    void fenceApplied(KubernetesClient client, HasMetadata protection, String region) {
        LedgerStore.Read read = LedgerStore.read(client, kind, protection);
        if (read.record() != null && read.record().pendingFences().contains(region)) {
            LedgerStore.write(client, kind, protection, read, read.record().fenceApplied(region));
        }
    }

    /**
     * The regions whose fence the committed failovers newer than the ledger applied: the latest commit
     * that left a region decides whether that region's fence was applied.
     */
    static Set<String> fencedBy(List<RegionFailover> failovers, long since) {
        Set<String> fenced = new TreeSet<>();
        failovers.stream()
                .map(RegionFailover::getStatus)
                .filter(s -> s != null && s.epoch != null && s.epoch > since && s.fromRegion != null)
                .filter(FailoverStateMachine::isCommitted)
                .sorted(Comparator.comparing((RegionFailoverStatus s) -> s.epoch))
                .forEach(s -> {
                    if (fenceSucceeded(s)) {
                        fenced.add(s.fromRegion);
                    } else {
                        fenced.remove(s.fromRegion);
                    }
                });
        return fenced;
    }

    private static boolean fenceSucceeded(RegionFailoverStatus status) {
        return status.steps != null
                && status.steps.stream()
                        .anyMatch(s -> s.step == FailoverStep.Fencing && s.result == FailoverStepResult.Succeeded);
    }
}
