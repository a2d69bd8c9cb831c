package dev.regionguard.controller.failover;

import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FenceRecord;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.Protections;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.controller.status.StatusWrites;
import dev.regionguard.failover.Deletion;
import dev.regionguard.failover.FailoverRequest;
import dev.regionguard.failover.FailoverStateMachine;
import dev.regionguard.failover.Milestone;
import dev.regionguard.failover.Next;
import dev.regionguard.failover.ProtectionView;
import dev.regionguard.failover.StepResult;
import dev.regionguard.telemetry.EventRecorder;
import dev.regionguard.telemetry.LogContext;
import dev.regionguard.telemetry.RegionGuardMetrics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a RegionFailover through {@link FailoverStateMachine}: each step is recorded in the
 * RegionFailover's status before it acts, performed idempotently, and its result recorded with the
 * next step. Promoting performs nothing: recording it as succeeded is the commit, which the
 * protection's reconciler applies to its own status (one writer per object). The finalizer lets a
 * deletion abort a failover before Promoting, and lets one after Promoting run to its end.
 */
@ControllerConfiguration(name = "regionfailover")
public class RegionFailoverReconciler implements Reconciler<RegionFailover>, Cleaner<RegionFailover> {
    private static final Logger LOG = LoggerFactory.getLogger(RegionFailoverReconciler.class);
    private static final int MAX_STEPS_PER_RECONCILE = 30;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Map<ProtectionKind, FailoverPort> ports;
    private final EventRecorder events;
    private final FailoverRecordMetrics metrics;
    private final Clock clock;
    private final FailoverHooks hooks;
    private final FailoverStateMachine machine = new FailoverStateMachine();
    private final FailoverSteps steps = new FailoverSteps();

    public RegionFailoverReconciler(
            Map<ProtectionKind, FailoverPort> ports,
            EventRecorder events,
            RegionGuardMetrics metrics,
            Clock clock,
            FailoverHooks hooks) {
        this.ports = Map.copyOf(ports);
        this.events = events;
        this.metrics = new FailoverRecordMetrics(metrics);
        this.clock = clock;
        this.hooks = hooks;
    }

    @Override
    public UpdateControl<RegionFailover> reconcile(RegionFailover rfo, Context<RegionFailover> context) {
        try (LogContext.Scope logged = logContext(rfo)) {
            Optional<Duration> again = drive(rfo, context);
            return again.map(d -> UpdateControl.<RegionFailover>noUpdate().rescheduleAfter(d))
                    .orElseGet(UpdateControl::noUpdate);
        }
    }

    /** A failover's log lines are about the protection it moves; one that names none, about itself. */
    private static LogContext.Scope logContext(RegionFailover rfo) {
        String namespace = rfo.getMetadata().getNamespace();
        return FailoverRequests.target(rfo)
                .map(ref -> LogContext.of(ref.kind.name(), namespace, ref.name))
                .orElseGet(() -> LogContext.of(rfo));
    }

    @Override
    public DeleteControl cleanup(RegionFailover rfo, Context<RegionFailover> context) {
        try (LogContext.Scope logged = logContext(rfo)) {
            return release(rfo, context);
        }
    }

    private DeleteControl release(RegionFailover rfo, Context<RegionFailover> context) {
        Deletion deletion = machine.onDeletion(rfo.getStatus());
        if (deletion.release()) {
            return DeleteControl.defaultDelete();
        }
        RegionFailover current = rfo;
        if (deletion.abort()) { // recorded first: a crash from here on resumes the undo, never the failover
            LOG.info("RegionFailover {}: {}", rfo.getMetadata().getName(), deletion.message());
            Next.Record aborted =
                    (Next.Record) machine.abort(FailoverRequests.of(rfo), rfo.getStatus(), clock.instant());
            current = write(rfo, aborted.status(), context).orElse(null);
            if (current == null) { // a view older than the last write: nothing undone before the abort is recorded
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(StatusWrites.STALE_VIEW_RETRY.toMillis());
            }
            aborted.milestones().forEach(m -> emit(rfo, m));
            if (aborted.status().phase.isFinal()) {
                metrics.countResult(current);
            }
            metrics.observe(current);
        }
        Optional<Duration> again = drive(current, context);
        return DeleteControl.noFinalizerRemoval()
                .rescheduleAfter(again.orElse(Duration.ofMillis(200)).toMillis());
    }

    /** Runs steps until the failover is final or must wait; returns when to come back. */
    private Optional<Duration> drive(RegionFailover rfo, Context<RegionFailover> context) {
        KubernetesClient client = context.getClient();
        RegionFailover current = rfo;
        for (int i = 0; i < MAX_STEPS_PER_RECONCILE; i++) {
            hooks.checkpoint(current);
            FailoverRequest request = FailoverRequests.of(current);
            FailoverPort port = port(current);
            HasMetadata protection = protection(current).orElse(null);
            ProtectionView view = protection == null ? null : port.view(protection);
            if (mustWait(current, port, protection, view, client)) {
                return Optional.of(WAIT);
            }
            Instant now = clock.instant();
            Next next = machine.next(request, current.getStatus(), view, now);
            if (next instanceof Next.Perform perform) {
                Optional<StepResult> refused = steps.refusal(perform, current, client);
                if (refused.isEmpty() && perform.step() == FailoverStep.Fencing) {
                    Optional<RegionFailover> recorded =
                            recordFence(current, port, protection, perform.fromRegion(), context);
                    if (recorded.isEmpty()) {
                        return Optional.of(StatusWrites.STALE_VIEW_RETRY); // never a fence before its record
                    }
                    current = recorded.get();
                }
                RegionFailover acting = current;
                StepResult result = refused.orElseGet(() -> steps.perform(perform, port, protection, acting, client));
                LOG.info(
                        "RegionFailover {}: {} {}: {}",
                        current.getMetadata().getName(),
                        perform.step(),
                        result.outcome(),
                        result.message());
                next = machine.completed(request, current.getStatus(), perform.step(), result, clock.instant());
            }
            if (next instanceof Next.Record record) {
                boolean wasFinal = current.getStatus() != null
                        && current.getStatus().phase != null
                        && current.getStatus().phase.isFinal();
                Optional<RegionFailover> written = write(current, record.status(), context);
                if (written.isEmpty()) { // the next reconcile starts from the newer status
                    return Optional.of(StatusWrites.STALE_VIEW_RETRY);
                }
                current = written.get();
                record.milestones().forEach(m -> emit(rfo, m));
                if (!wasFinal && record.status().phase.isFinal()) {
                    metrics.countResult(current);
                }
                metrics.observe(current);
                if (record.retryDelay().isPresent()) {
                    return record.retryDelay().map(hooks::retryDelay);
                }
                continue;
            }
            metrics.observe(current);
            return Optional.empty(); // Done: the protection's reconciler mirrors the rest
        }
        return Optional.of(Duration.ofMillis(100));
    }

    /** Whether the protection holds the failover for now: unknown, paused, or with an unusable spec. */
    private boolean mustWait(
            RegionFailover current,
            FailoverPort port,
            HasMetadata protection,
            ProtectionView view,
            KubernetesClient client) {
        if (protection == null) {
            return !deletedOnServer(current, client); // not in the cache (yet): unknown, never "deleted"
        }
        boolean running = current.getStatus() != null
                && current.getStatus().phase != null
                && !current.getStatus().phase.isFinal();
        if (port.paused(protection) && (running || current.getStatus() == null)) {
            return true; // the pause annotation holds failovers too
        }
        return view == null; // the protection's spec is unusable right now; it reports why
    }

    /**
     * Records what fencing the region changes before it is fenced; a record from an earlier attempt is
     * kept. Empty when the record could not be written (a stale view): the region is then not fenced.
     */
    private Optional<RegionFailover> recordFence(
            RegionFailover current,
            FailoverPort port,
            HasMetadata protection,
            String region,
            Context<RegionFailover> context) {
        if (FailoverSteps.recordedFence(current.getStatus(), region).isPresent()) {
            return Optional.of(current);
        }
        Optional<FenceRecord> fence = port.fenceRecord(protection, region);
        if (fence.isEmpty()) {
            return Optional.of(current);
        }
        RegionFailoverStatus recorded = machine.fenceToRecord(current.getStatus(), fence.get());
        return recorded == null ? Optional.of(current) : write(current, recorded, context);
    }

    /** Empty when the status read is older than the last one written (409): nothing was written. */
    private Optional<RegionFailover> write(
            RegionFailover current, RegionFailoverStatus status, Context<RegionFailover> context) {
        Optional<RegionFailover> written = StatusWrites.write(current, status, context);
        written.ifPresent(hooks::checkpoint);
        return written;
    }

    private void emit(RegionFailover rfo, Milestone milestone) {
        if (milestone.warning()) {
            events.warning(rfo, milestone.reason(), milestone.message());
        } else {
            events.normal(rfo, milestone.reason(), milestone.message());
        }
    }

    private FailoverPort port(RegionFailover rfo) {
        return ports.get(rfo.getSpec().protectionRef.kind);
    }

    private Optional<HasMetadata> protection(RegionFailover rfo) {
        FailoverPort port = port(rfo);
        return port == null ? Optional.empty() : port.find(rfo.getMetadata().getNamespace(), protectionName(rfo));
    }

    /** Asks the API server, not the cache (which may not be loaded yet); false when it cannot tell. */
    private static boolean deletedOnServer(RegionFailover rfo, KubernetesClient client) {
        String kind = kindOf(rfo);
        ResourceDefinitionContext definition = new ResourceDefinitionContext.Builder()
                .withGroup(Protections.GROUP)
                .withVersion(Protections.VERSION)
                .withKind(kind)
                .withPlural(kind.toLowerCase(Locale.ROOT) + "s")
                .withNamespaced(true)
                .build();
        try {
            return client.genericKubernetesResources(definition)
                            .inNamespace(rfo.getMetadata().getNamespace())
                            .withName(protectionName(rfo))
                            .get()
                    == null;
        } catch (KubernetesClientException e) {
            LOG.warn("could not check whether {} {} exists: {}", kind, protectionName(rfo), e.getMessage());
            return false;
        }
    }

    private static String protectionName(RegionFailover rfo) {
        return rfo.getSpec().protectionRef.name;
    }

    private static String kindOf(RegionFailover rfo) {
        return rfo.getSpec().protectionRef.kind.name();
    }
}
