package dev.regionguard.controller.protection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.Timestamps;
import dev.regionguard.spec.SyncSettings;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.telemetry.EventRecorder;
import dev.regionguard.telemetry.RegionGuardMetrics;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "report" step shared by the protection reconcilers: the status built by
 * {@link ProtectionStatusBuilder} (written only when it differs), Events on transitions and for
 * applied changes, a log line per meaningful action, and when to run the next pass.
 */
public class SyncReporter {
    private static final Logger LOG = LoggerFactory.getLogger(SyncReporter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** When the spec is unusable: a spec edit triggers the next reconcile anyway. */
    static final Duration UNUSABLE_SPEC_RETRY = Duration.ofMinutes(5);

    private final EventRecorder events;
    private final RegionGuardMetrics metrics;

    public SyncReporter(EventRecorder events, RegionGuardMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
    }

    /** After a pass or a blocked one: Events, metrics, the status (when changed) and the next pass. */
    public <S extends ProtectionStatus, P extends CustomResource<?, S>> UpdateControl<P> report(
            P resource,
            S previous,
            S next,
            PassResult result,
            SyncSettings settings,
            ProtectionRuntimes.Runtime runtime,
            Supplier<P> fresh) {
        Duration delay = schedule(result, settings, runtime);
        announce(resource, previous, next, result);
        if (settings != null) {
            metrics.recordStatus(
                    resource.getKind(),
                    resource.getMetadata().getNamespace(),
                    resource.getMetadata().getName(),
                    Timestamps.parse(resource.getMetadata().getCreationTimestamp()),
                    settings.interval(),
                    next);
        }
        return carryOver(resource, previous, next, fresh).rescheduleAfter(delay);
    }

    /** No pass ran (not due): the status is written only when health, topology or failovers changed it. */
    public <S extends ProtectionStatus, P extends CustomResource<?, S>> UpdateControl<P> carryOver(
            P resource, S previous, S next, Supplier<P> fresh) {
        metrics.recordFailoverReady(
                resource.getKind(),
                resource.getMetadata().getNamespace(),
                resource.getMetadata().getName(),
                next);
        return sameStatus(previous, next)
                ? UpdateControl.noUpdate()
                : UpdateControl.patchStatus(statusPatch(resource, next, fresh));
    }

    /** A resource that carries only the identity and the new status: what JOSDK patches. */
    public static <S extends ProtectionStatus, P extends CustomResource<?, S>> P statusPatch(
            P resource, S next, Supplier<P> fresh) {
        P patch = fresh.get();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(resource.getMetadata().getName())
                .withNamespace(resource.getMetadata().getNamespace())
                .build());
        patch.setStatus(next);
        return patch;
    }

    /** A protection is gone: its metrics go too. */
    public void forget(ProtectionRuntimes.Runtime runtime) {
        metrics.forget(runtime.kind(), runtime.namespace(), runtime.name());
    }

    private static Duration schedule(PassResult result, SyncSettings settings, ProtectionRuntimes.Runtime runtime) {
        if (settings == null) {
            return UNUSABLE_SPEC_RETRY;
        }
        if (result instanceof PassResult.Synced synced && PassOutcomes.transientFailure(synced.outcome())) {
            return settings.retryDelay(runtime.recordFailure());
        }
        runtime.recordSuccess();
        return settings.interval();
    }

    private void announce(
            CustomResource<?, ?> resource, ProtectionStatus previous, ProtectionStatus next, PassResult result) {
        if (result instanceof PassResult.Synced synced) {
            for (SyncOutcome.Target t : synced.outcome().targets()) {
                SyncOutcome.Counts c = t.counts();
                if (!t.duplicatesRemoved().isEmpty()) {
                    String message = t.name() + ": removed "
                            + t.duplicatesRemoved().size()
                            + " second copies of an entity: "
                            + String.join(
                                    ", ",
                                    t.duplicatesRemoved().stream().limit(10).toList());
                    LOG.info("{}", message);
                    events.normal(resource, "DuplicateRemoved", message);
                }
                if (c.created() + c.updated() + c.deleted() > 0) {
                    String message = String.format(
                            "%s: %d created, %d updated, %d deleted", t.name(), c.created(), c.updated(), c.deleted());
                    LOG.info("synced {}", message);
                    events.normal(resource, "Synced", message);
                }
            }
        }
        announceRegionReferences(resource, previous, next);
        Condition before = Conditions.find(previous.conditions, Conditions.READY);
        Condition after = Conditions.find(next.conditions, Conditions.READY);
        boolean changed = before == null
                || !Objects.equals(before.status, after.status)
                || !Objects.equals(before.reason, after.reason);
        if (!changed) {
            return;
        }
        if (after.isTrue()) {
            String reason = before != null && "False".equals(before.status) ? "SyncRecovered" : "Protected";
            LOG.info("ready: {}", after.message);
            events.normal(resource, reason, after.message);
        } else {
            LOG.warn("not ready ({}): {}", after.reason, after.message);
            events.warning(resource, after.reason, after.message);
        }
    }

    /** One Event when the set of references to other regions changes (not when it stays empty). */
    private void announceRegionReferences(
            CustomResource<?, ?> resource, ProtectionStatus previous, ProtectionStatus next) {
        Condition after = Conditions.find(next.conditions, Conditions.REGION_INDEPENDENT);
        Set<String> before = regionReferences(previous);
        Set<String> now = regionReferences(next);
        if (after == null || before.equals(now)) {
            return;
        }
        if (now.isEmpty()) {
            LOG.info("region independent: {}", after.message);
            events.normal(resource, "RegionIndependent", after.message);
        } else {
            LOG.warn("references to another region: {}", after.message);
            events.warning(resource, "ForeignRegionReferences", after.message);
        }
    }

    private static Set<String> regionReferences(ProtectionStatus status) {
        Set<String> found = new TreeSet<>();
        for (StandbyStatus s : status.standbys) {
            if (s.regionReferenceCount != null && s.regionReferenceCount > 0) {
                found.add(s.region + " " + s.regionReferenceCount);
                s.regionReferences.forEach(
                        f -> found.add(String.join(" ", s.region, f.kind, f.name, f.field, f.region, f.value)));
            }
        }
        return found;
    }

    private static boolean sameStatus(ProtectionStatus a, ProtectionStatus b) {
        return JSON.valueToTree(a).equals(JSON.valueToTree(b));
    }
}
