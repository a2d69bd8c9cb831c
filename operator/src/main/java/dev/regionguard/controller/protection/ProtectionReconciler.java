package dev.regionguard.controller.protection;

import dev.regionguard.api.ProtectionSpec;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.controller.status.StatusWrites;
import dev.regionguard.failover.VantageQuorum;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.spec.Blocked;
import dev.regionguard.spec.QuorumSettings;
import dev.regionguard.sync.SyncEngine;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncRequest;
import dev.regionguard.telemetry.LogContext;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every protection reconciler does, whatever the service: observe (spec, Secrets, topology),
 * probe (each region, once per health check interval), prove (each standby, once per verification
 * interval, in the background), decide (is a pass due; is an automatic
 * failover due), act (one sync pass; create a RegionFailover), report (one status, Events, next
 * pass). A subclass says how its service stores entities and names sides ({@link ProtectedService});
 * what a RegionFailover asks of the protection is in {@link #failoverPort()}.
 */
public abstract class ProtectionReconciler<
                P extends CustomResource<? extends ProtectionSpec, S>, S extends ProtectionStatus>
        implements Reconciler<P>, ProtectedService<P, S> {
    private static final Logger LOG = LoggerFactory.getLogger(ProtectionReconciler.class);
    private final SyncEngine engine;
    private final SyncReporter reporter;
    private final Clock clock;
    private final ProtectionServices services;
    private final ProtectionRuntimes runtimes = new ProtectionRuntimes();
    private final ProtectionObserver<P> observer = new ProtectionObserver<>(this);
    private final ProtectionStatusBuilder<P, S> status = new ProtectionStatusBuilder<>(this);
    private final SyncRequests<P> requests = new SyncRequests<>(this);
    private final RegionProber<P> prober;
    private final StandbyProver<P> prover;
    private final AutomaticFailover automatic;
    private final ProtectionFailoverPort<P, S> port;
    private final ActiveRegionLedger ledger;
    private final PendingFences<P> fences;

    protected ProtectionReconciler(
            SyncEngine engine,
            SyncReporter reporter,
            Clock clock,
            ProtectionServices services,
            FailoverActions<P> actions,
            RegionProbe<P> probe,
            StandbyVerifier<P> verifier) {
        this.engine = engine;
        this.reporter = reporter;
        this.clock = clock;
        this.services = services;
        this.prober = new RegionProber<>(probe, services, clock);
        this.prover = new StandbyProver<>(verifier, services, clock);
        this.automatic = new AutomaticFailover(kind(), services.events());
        this.port = new ProtectionFailoverPort<>(
                this, actions, prober, prover, observer, runtimes, engine, services, clock);
        this.ledger = new ActiveRegionLedger(kind(), observer.objects, services.events());
        this.fences =
                new PendingFences<>(new FenceStep<>(actions, services.probeExecutor()), ledger, services.events());
    }

    /** The Secrets and ConfigMaps the protections reference, for the service's material. */
    protected ReferencedObjects<P> objects() {
        return observer.objects;
    }

    /** What a RegionFailover asks of protections of this kind. */
    public ProtectionFailoverPort<P, S> failoverPort() {
        return port;
    }

    @Override
    public List<EventSource<?, P>> prepareEventSources(EventSourceContext<P> context) {
        return observer.eventSources(context);
    }

    @Override
    public UpdateControl<P> reconcile(P protection, Context<P> context) {
        try (LogContext.Scope logged = LogContext.of(protection)) {
            return pass(protection, context);
        }
    }

    private UpdateControl<P> pass(P protection, Context<P> context) {
        Instant now = clock.instant();
        ProtectionRuntimes.Runtime runtime = runtimeOf(protection, context);
        S previous = statusOf(protection);
        // observe
        Observation observed = observer.observe(protection, previous, runtime);
        // the durable record of the active region, read (and written) before anything acts
        ActiveRegionLedger.Checked checked = ledger.check(context.getClient(), protection, observed);
        Observation seen = checked.seen();
        // probe
        if (seen.sides() != null && runtime.probeDue(now)) {
            prober.probeAll(protection, seen, runtime, previous, now);
        }
        // fences a failover could not apply, before any sync
        seen = fences.applyDue(context.getClient(), protection, seen, runtime.health(previous.regions, now));
        // decide and act: a sync pass
        PassResult result = checked.conflict() != null
                ? checked.conflict()
                : seen.blocked() != null
                        ? PassResult.Blocked.of(seen.blocked())
                        : syncIfDue(protection, seen, runtime, now, context.getClient());
        // prove the standbys that are due (in the background; a later pass reports the result)
        if (seen.blocked() == null) {
            prover.startDue(protection, seen, runtime, previous);
        }
        // what the service reads every reconcile, once, for both the quorum and the status
        PassReads<S> reads =
                seen.sides() == null ? PassReads.none() : passReads(protection, previous, seen.sides(), now);
        VantageQuorum quorum = quorum(protection, seen, runtime, previous, reads, now);
        // report
        UpdateControl<P> control = StatusWrites.perform(
                protection, report(protection, previous, result, seen, runtime, quorum, reads, now), context);
        // decide and act: an automatic failover
        if (seen.topology() != null && !ProtectionObserver.isPaused(protection)) {
            automatic.consider(protection, context.getClient(), seen, previous, runtime, quorum, now);
        }
        return control.rescheduleAfter(nextWakeUp(runtime, seen, control, now));
    }

    /** The vantage points' views, when the spec asks for a quorum; null otherwise. */
    private VantageQuorum quorum(
            P protection,
            Observation seen,
            ProtectionRuntimes.Runtime runtime,
            S previous,
            PassReads<S> reads,
            Instant now) {
        QuorumSettings settings = seen.settings().failover() == null
                ? null
                : seen.settings().failover().quorum();
        if (settings == null || seen.settings().health() == null) {
            return null;
        }
        List<VantageQuorum.Report> reports = new ArrayList<>(reads.vantagePoints());
        reports.addAll(observer.witnessReports(protection)); // the service's own views come first
        return VantageQuorum.count(
                settings,
                runtime.health(previous.regions, now),
                reports,
                seen.settings().health().failureThreshold(),
                now);
    }

    /** JOSDK's error path: an unexpected exception ends in Ready=False with a short message, then a retry. */
    @Override
    public ErrorStatusUpdateControl<P> updateErrorStatus(P protection, Context<P> context, Exception e) {
        try (LogContext.Scope logged = LogContext.of(protection)) {
            LOG.warn("reconcile failed", e);
            try {
                StatusWrites.write(protection, failedStatus(protection, e), context);
            } catch (RuntimeException writeFailed) { // the Kubernetes API failing too: the retry tries again
                LOG.debug("error status not written: {}", writeFailed.getMessage());
            }
            return ErrorStatusUpdateControl.noStatusUpdate();
        }
    }

    /** The previous status with Ready=False naming the error. */
    S failedStatus(P protection, Exception error) {
        return status.failed(protection, statusOf(protection), error, clock.instant());
    }

    /** This protection's memory; what belongs to deleted protections is dropped on the way. */
    private ProtectionRuntimes.Runtime runtimeOf(P protection, Context<P> context) {
        runtimes.retain(
                context.getPrimaryCache()
                        .list()
                        .map(p -> p.getMetadata().getUid())
                        .collect(Collectors.toSet()),
                r -> {
                    reporter.forget(r);
                    prober.forget(r);
                });
        ProtectionRuntimes.Runtime runtime = runtimes.get(protection);
        runtime.onGeneration(protection.getMetadata().getGeneration());
        // alerts on failed failovers need the series before the first failover
        services.metrics()
                .registerFailovers(
                        protection.getKind(),
                        protection.getMetadata().getNamespace(),
                        protection.getMetadata().getName(),
                        "Failover");
        return runtime;
    }

    /** A pass when one is due and the active region answered its last probe; null when none ran. */
    private PassResult syncIfDue(
            P protection, Observation seen, ProtectionRuntimes.Runtime runtime, Instant now, KubernetesClient client) {
        String fingerprint = observer.fingerprint(protection, seen.topology());
        RegionHealth active = runtime.health(statusOf(protection).regions, now)
                .getOrDefault(seen.topology().activeRegion(), RegionHealth.unknown(now));
        // No pass reads from a region whose last probe failed: it would only block this reconcile (and the
        // next probes) in retries, and a failover needs the probes on time.
        boolean activeFailing = active.isUnhealthy() || active.consecutiveFailures() > 0;
        if (!runtime.syncDue(now, fingerprint) || activeFailing) {
            return null;
        }
        try {
            SyncMemoryRecords.restoreOnce(client, kind(), protection, seen.sides(), seen.topology(), runtime);
            boolean fullCompare =
                    runtime.fullCompareDue(now, seen.settings().sync().fullCompareInterval());
            SyncRequest request = requests.pass(
                    protection,
                    seen.settings().sync(),
                    seen.sides(),
                    runtime,
                    fullCompare,
                    statusOf(protection).primaryInventory);
            SyncOutcome outcome = runtime.exclusively(() -> engine.sync( // not with a final sync
                    EpochGuardedStore.guard(request, seen.topology(), () -> observer.failoversOf(protection))));
            if (outcome.source().error() == null && fullCompare) {
                runtime.fullCompareDone(now);
            }
            SyncMemoryRecords.save(client, kind(), protection, seen.sides(), seen.topology(), runtime);
            RegionIndependence.audit(runtime.regionReferences(), seen.sides(), outcome);
            runtime.synced(null, fingerprint); // the time of the next pass is set once the report scheduled it
            return new PassResult.Synced(outcome);
        } catch (IllegalArgumentException e) { // a topology the spec no longer allows
            return PassResult.Blocked.of(Blocked.spec(e.getMessage()));
        }
    }

    private UpdateControl<P> report(
            P protection,
            S previous,
            PassResult result,
            Observation seen,
            ProtectionRuntimes.Runtime runtime,
            VantageQuorum quorum,
            PassReads<S> reads,
            Instant now) {
        Consumer<S> extras = result instanceof PassResult.Synced
                ? statusExtras(protection, previous, seen.sides())
                : result == null ? next -> {} : keptExtras(previous);
        extras = extras.andThen(reads.extras()); // also between sync passes: every health check interval
        S next = status.build(protection, previous, result, extras, seen, runtime, quorum, now);
        if (result == null) {
            return reporter.carryOver(protection, previous, next, this::newResource);
        }
        UpdateControl<P> control = reporter.report(
                protection, previous, next, result, seen.settings().sync(), runtime, this::newResource);
        if (result instanceof PassResult.Synced) {
            Duration interval = seen.settings().sync().interval();
            runtime.synced(
                    now.plusMillis(control.getScheduleDelay().orElse(interval.toMillis())),
                    observer.fingerprint(protection, seen.topology()));
        }
        return control;
    }

    private static long nextWakeUp(
            ProtectionRuntimes.Runtime runtime, Observation seen, UpdateControl<?> control, Instant now) {
        Duration healthInterval = seen.settings().health() == null
                ? SyncReporter.UNUSABLE_SPEC_RETRY
                : seen.settings().health().interval();
        long wake = control.getScheduleDelay().orElse(healthInterval.toMillis());
        if (runtime.nextSync() != null) {
            wake = Math.min(
                    wake, Math.max(0, Duration.between(now, runtime.nextSync()).toMillis()));
        }
        if (runtime.nextProbe() != null) {
            wake = Math.min(
                    wake, Math.max(0, Duration.between(now, runtime.nextProbe()).toMillis()));
        }
        return Math.max(wake, 50);
    }

    private S statusOf(P protection) {
        return protection.getStatus() == null ? newStatus() : protection.getStatus();
    }
}
