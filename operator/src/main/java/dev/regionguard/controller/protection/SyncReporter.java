package dev.regionguard.controller.protection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Timestamps;
import dev.regionguard.spec.SyncSettings;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.telemetry.EventRecorder;
import dev.regionguard.telemetry.RegionGuardMetrics;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "report" step shared by the protection reconcilers: the next status (written only when it
 * differs), Events on transitions and for applied changes, a log line per meaningful action, and
 * when to run the next pass.
 */
public class SyncReporter {
    private static final Logger LOG = LoggerFactory.getLogger(SyncReporter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventRecorder events;
    private final RegionGuardMetrics metrics;

    public SyncReporter(EventRecorder events, RegionGuardMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
    }

    public <S extends ProtectionStatus, P extends CustomResource<?, S>> UpdateControl<P> report(
            P resource,
            S previous,
            S next,
            PassResult result,
            SyncSettings settings,
            ProtectionRuntimes.Runtime runtime,
            List<StandbyRef> standbys,
            Instant now,
            Supplier<P> fresh,
            Consumer<S> extras) {
        String who = resource.getMetadata().getNamespace() + "/"
                + resource.getMetadata().getName();
        boolean deletesExpected = settings == null || settings.deletesAllowed();
        Integer baseline = result instanceof PassResult.Synced synced
                ? PassOutcomes.nextBaseline(previous.primaryInventory, synced.outcome())
                : previous.primaryInventory;
        new SyncStatusReport(previous, resource.getMetadata().getGeneration(), now, standbys, deletesExpected)
                .build(next, result, baseline);
        extras.accept(next);

        Duration delay = schedule(result, settings, runtime);
        announce(resource, who, previous, next, result);
        if (settings != null) {
            metrics.recordStatus(
                    resource.getKind(),
                    resource.getMetadata().getNamespace(),
                    resource.getMetadata().getName(),
                    Timestamps.parse(resource.getMetadata().getCreationTimestamp()),
                    settings.interval(),
                    next);
        }

        if (sameStatus(previous, next)) {
            return UpdateControl.<P>noUpdate().rescheduleAfter(delay);
        }
        P patch = fresh.get();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(resource.getMetadata().getName())
                .withNamespace(resource.getMetadata().getNamespace())
                .build());
        patch.setStatus(next);
        return UpdateControl.patchStatus(patch).rescheduleAfter(delay);
    }

    /**
     * No pass ran (not due): the previous status with {@code extras} applied (health, topology,
     * failovers), written only when that changed something.
     */
    @SuppressWarnings("unchecked")
    public <S extends ProtectionStatus, P extends CustomResource<?, S>> UpdateControl<P> carryOver(
            P resource, S previous, S next, Instant now, Supplier<P> fresh, Consumer<S> extras) {
        S copy = (S) JSON.convertValue(previous, next.getClass());
        extras.accept(copy);
        if (sameStatus(previous, copy)) {
            return UpdateControl.noUpdate();
        }
        P patch = fresh.get();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(resource.getMetadata().getName())
                .withNamespace(resource.getMetadata().getNamespace())
                .build());
        patch.setStatus(copy);
        return UpdateControl.patchStatus(patch);
    }

    /** A protection is gone: its metrics go too. */
    public void forget(ProtectionRuntimes.Runtime runtime) {
        metrics.forget(runtime.kind(), runtime.namespace(), runtime.name());
    }

    private static Duration schedule(PassResult result, SyncSettings settings, ProtectionRuntimes.Runtime runtime) {
        if (settings == null) {
            // The spec is unusable; a spec edit triggers the next reconcile anyway.
            return Duration.ofMinutes(5);
        }
        if (result instanceof PassResult.Synced synced && PassOutcomes.transientFailure(synced.outcome())) {
            return settings.retryDelay(runtime.recordFailure());
        }
        runtime.recordSuccess();
        return settings.interval();
    }

    private void announce(
            CustomResource<?, ?> resource,
            String who,
            ProtectionStatus previous,
            ProtectionStatus next,
            PassResult result) {
        if (result instanceof PassResult.Synced synced) {
            for (SyncOutcome.Target t : synced.outcome().targets()) {
                SyncOutcome.Counts c = t.counts();
                if (c.created() + c.updated() + c.deleted() > 0) {
                    String message = String.format(
                            "%s: %d created, %d updated, %d deleted", t.name(), c.created(), c.updated(), c.deleted());
                    LOG.info("[{}] synced {}", who, message);
                    events.normal(resource, "Synced", message);
                }
            }
        }
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
            LOG.info("[{}] ready: {}", who, after.message);
            events.normal(resource, reason, after.message);
        } else {
            LOG.warn("[{}] not ready ({}): {}", who, after.reason, after.message);
            events.warning(resource, after.reason, after.message);
        }
    }

    private static boolean sameStatus(ProtectionStatus a, ProtectionStatus b) {
        return JSON.valueToTree(a).equals(JSON.valueToTree(b));
    }
}
