package dev.regionguard.controller.protection;

import dev.regionguard.api.FailoverSpec;
import dev.regionguard.api.HealthCheckSpec;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.SyncSpec;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.controller.failover.AutomaticFailoverRequest;
import dev.regionguard.controller.failover.CommittedFailovers;
import dev.regionguard.controller.failover.FailoverPort;
import dev.regionguard.failover.AutomaticFailoverPolicy;
import dev.regionguard.failover.FailoverHistory;
import dev.regionguard.failover.ProtectionView;
import dev.regionguard.failover.RegionTopology;
import dev.regionguard.failover.StandbyFacts;
import dev.regionguard.failover.StandbyReadiness;
import dev.regionguard.failover.StepResult;
import dev.regionguard.health.ProbeOutcome;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.health.RegionStatuses;
import dev.regionguard.health.RegionSummary;
import dev.regionguard.spec.Blocked;
import dev.regionguard.spec.FailoverSettings;
import dev.regionguard.spec.HealthCheckSettings;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.spec.SyncSettings;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.MaterialSource;
import dev.regionguard.sync.SyncEngine;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncRequest;
import dev.regionguard.sync.SyncTarget;
import dev.regionguard.sync.Watermarks;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every protection reconciler does, whatever the service: observe (spec, credentials,
 * material), decide (this pass's policy and direction: from the active region to every other
 * region that is not fenced), act (one sync pass), report (status, Events, next pass).
 * A subclass says how its service names sides, stores entities and records extras.
 */
public abstract class ProtectionReconciler<P extends CustomResource<?, S>, S extends ProtectionStatus>
        implements Reconciler<P>, FailoverPort {
    private static final Logger LOG = LoggerFactory.getLogger(ProtectionReconciler.class);
    private final SyncEngine engine;
    private final SyncReporter reporter;
    private final Clock clock;
    private final ProtectionServices services;
    private final ProtectionRuntimes runtimes = new ProtectionRuntimes();
    protected final ReferencedObjects<P> objects = new ReferencedObjects<>(this::secretNames, this::configMapNames);
    private volatile InformerEventSource<RegionFailover, P> failovers;
    private volatile IndexerResourceCache<P> primaryCache;

    protected ProtectionReconciler(SyncEngine engine, SyncReporter reporter, Clock clock, ProtectionServices services) {
        this.engine = engine;
        this.reporter = reporter;
        this.clock = clock;
        this.services = services;
    }

    @Override
    public abstract ProtectionKind kind();

    protected abstract HealthCheckSpec healthCheckSpec(P protection);

    protected abstract FailoverSpec failoverSpec(P protection);

    protected abstract FailoverActions<P> failoverActions();

    /** The regional base URL published as the active endpoint. */
    protected abstract String endpoint(Endpoints endpoints, String region);

    protected abstract ProtectedSide primary(P protection);

    protected abstract List<ProtectedSide> standbys(P protection);

    protected abstract SyncSpec syncSpec(P protection);

    /** Every entity type of the service, in restore order (the spec may select some). */
    protected abstract List<EntityType> entityTypes(P protection);

    protected abstract EntityStore store(P protection, ProtectedSide side, ApiKey key);

    /** Status as it names a standby: instance ID for EN, project ID for CE. */
    protected abstract StandbyRef standbyRef(ProtectedSide side);

    protected abstract S newStatus();

    protected abstract P newResource();

    /** Secrets the spec names (credentials, material): a change to one triggers a pass. */
    protected abstract Set<String> specSecretNames(P protection);

    protected Set<String> configMapNames(P protection) {
        return Set.of();
    }

    protected MaterialSource material(P protection) {
        return MaterialSource.NONE;
    }

    /** After the pass, before the status is compared: room for service-specific status. */
    protected void recordExtras(P protection, S previous, S next, Sides sides) {}

    @Override
    public List<EventSource<?, P>> prepareEventSources(EventSourceContext<P> context) {
        primaryCache = context.getPrimaryCache();
        // A failover commits in its own status: the protection must learn of it at once.
        failovers = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(RegionFailover.class, context.getPrimaryResourceClass())
                        .withName("regionfailovers")
                        .withNamespacesInheritedFromController()
                        .withSecondaryToPrimaryMapper((RegionFailover r) -> r.getSpec() == null
                                        || r.getSpec().protectionRef == null
                                        || r.getSpec().protectionRef.kind != kind()
                                ? Set.of()
                                : Set.of(new ResourceID(
                                        r.getSpec().protectionRef.name,
                                        r.getMetadata().getNamespace())))
                        .build(),
                context);
        List<EventSource<?, P>> sources = new ArrayList<>(objects.eventSources(context));
        sources.add(failovers);
        return sources;
    }

    @Override
    public UpdateControl<P> reconcile(P protection, Context<P> context) {
        Instant now = clock.instant();
        runtimes.retain(
                context.getPrimaryCache()
                        .list()
                        .map(p -> p.getMetadata().getUid())
                        .collect(Collectors.toSet()),
                r -> {
                    reporter.forget(r);
                    services.board().forget(boardKey(r.kind(), r.namespace(), r.name()));
                });
        ProtectionRuntimes.Runtime runtime = runtimes.get(protection);
        runtime.onGeneration(protection.getMetadata().getGeneration());
        S previous = protection.getStatus() == null ? newStatus() : protection.getStatus();
        List<RegionFailover> rfos = failoversOf(protection);
        // alerts on failed failovers need the series before the first failover
        services.metrics()
                .registerFailovers(
                        protection.getKind(),
                        protection.getMetadata().getNamespace(),
                        protection.getMetadata().getName(),
                        "Failover");

        SyncSettings settings = null;
        HealthCheckSettings health = null;
        RegionTopology topology = null;
        PassResult result = null;
        Sides sides = null;
        try {
            settings = SyncSettings.of(syncSpec(protection), entityTypes(protection));
            health = HealthCheckSettings.of(healthCheckSpec(protection));
            FailoverSettings.of(failoverSpec(protection)); // a bad spec blocks here, not in a failover
            if (isPaused(protection)) {
                throw Blocked.paused();
            }
            topology = topology(protection, previous, rfos);
            sides = sides(protection, topology);
            if (runtime.probeDue(now)) {
                probe(protection, sides, topology, health, runtime, previous, now);
            }
            String fingerprint = fingerprint(protection, topology);
            RegionHealth active = runtime.health(previous.regions, now)
                    .getOrDefault(topology.activeRegion(), RegionHealth.unknown(now));
            // No pass reads from a region whose last probe failed: it would only block this reconcile (and the
            // next probes) in retries, and a failover needs the probes on time.
            boolean activeFailing = active.isUnhealthy() || active.consecutiveFailures() > 0;
            if (runtime.syncDue(now, fingerprint) && !activeFailing) {
                SyncRequest request = request(protection, settings, sides, runtime, now, previous.primaryInventory);
                SyncOutcome outcome = engine.sync(request);
                if (outcome.source().error() == null && request.policy().fullCompare()) {
                    runtime.fullCompareDone(now);
                }
                result = new PassResult.Synced(outcome);
                runtime.synced(null, fingerprint); // the reporter's schedule sets the time of the next pass below
            }
        } catch (Blocked blocked) {
            result = PassResult.Blocked.of(blocked);
        } catch (IllegalArgumentException e) { // a topology the spec no longer allows
            result = PassResult.Blocked.of(Blocked.spec(e.getMessage()));
        }
        Sides resolved = result instanceof PassResult.Synced ? sides : null; // no pass: nothing new to record
        RegionTopology finalTopology = topology;
        S next = newStatus();
        List<StandbyRef> refs = sides == null
                ? List.of()
                : sides.targets().stream().map(this::standbyRef).toList();
        java.util.function.Consumer<S> extras = s -> {
            if (resolved != null) {
                recordExtras(protection, previous, s, resolved);
            }
            if (finalTopology != null) {
                mirrorFailovers(s, previous, finalTopology, rfos, runtime, now);
            }
        };
        UpdateControl<P> control;
        Duration health2 = health == null ? Duration.ofMinutes(5) : health.interval();
        if (result != null) {
            control = reporter.report(
                    protection, previous, next, result, settings, runtime, refs, now, this::newResource, extras);
            if (result instanceof PassResult.Synced) {
                runtime.synced(
                        now.plusMillis(control.getScheduleDelay()
                                .orElse(settings.interval().toMillis())),
                        fingerprint(protection, topology));
            }
        } else {
            control = reporter.carryOver(protection, previous, next, now, this::newResource, extras);
        }
        if (finalTopology != null && !isPaused(protection)) {
            automaticFailover(protection, context, finalTopology, previous, rfos, runtime, settings, health, now);
        }
        return control.rescheduleAfter(nextWakeUp(runtime, health2, control, now));
    }

    private long nextWakeUp(
            ProtectionRuntimes.Runtime runtime, Duration healthInterval, UpdateControl<P> control, Instant now) {
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

    private RegionTopology topology(P protection, ProtectionStatus status, List<RegionFailover> rfos) throws Blocked {
        ProtectedSide primary = primary(protection);
        List<ProtectedSide> standbys = standbys(protection);
        if (primary == null || standbys.isEmpty()) {
            throw Blocked.spec("spec.primary and at least one spec.standbys entry are required");
        }
        try {
            RegionTopology base = RegionTopology.of(
                    primary.region(),
                    standbys.stream().map(ProtectedSide::region).toList(),
                    status);
            return CommittedFailovers.apply(base, rfos);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw Blocked.spec(e.getMessage());
        }
    }

    private List<RegionFailover> failoversOf(HasMetadata protection) {
        if (failovers == null) {
            return List.of();
        }
        String name = protection.getMetadata().getName();
        return failovers
                .list(
                        protection.getMetadata().getNamespace(),
                        r -> r.getSpec() != null
                                && r.getSpec().protectionRef != null
                                && r.getSpec().protectionRef.kind == kind()
                                && name.equals(r.getSpec().protectionRef.name))
                .toList();
    }

    /** What a pass reads besides the spec: the referenced Secrets and ConfigMaps, and the topology. */
    private String fingerprint(P protection, RegionTopology topology) {
        String namespace = protection.getMetadata().getNamespace();
        StringBuilder b = new StringBuilder()
                .append(protection.getMetadata().getGeneration())
                .append('|')
                .append(
                        topology == null
                                ? ""
                                : topology.activeRegion() + "@" + topology.epoch() + topology.fencedRegions());
        new TreeMap<>(secretNames(protection).stream().collect(Collectors.toMap(n -> n, n -> n)))
                .keySet()
                .forEach(n -> b.append("|s:")
                        .append(n)
                        .append('=')
                        .append(objects.secret(namespace, n)
                                .map(x -> x.getMetadata().getResourceVersion())
                                .orElse("-")));
        configMapNames(protection).stream()
                .sorted()
                .forEach(n -> b.append("|c:")
                        .append(n)
                        .append('=')
                        .append(objects.configMap(namespace, n)
                                .map(x -> x.getMetadata().getResourceVersion())
                                .orElse("-")));
        return b.toString();
    }

    private void probe(
            P protection,
            Sides sides,
            RegionTopology topology,
            HealthCheckSettings settings,
            ProtectionRuntimes.Runtime runtime,
            ProtectionStatus previous,
            Instant now) {
        runtime.probed(now, settings.interval());
        Map<String, Runnable> calls = new LinkedHashMap<>();
        for (String region : topology.regions()) {
            ProtectedSide side = sides.byRegion().get(region);
            calls.put(
                    region,
                    () -> failoverActions().probe(protection, side, sides.keys().get(region)));
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
                        "[{}/{}] region {} is {}{}",
                        protection.getMetadata().getNamespace(),
                        protection.getMetadata().getName(),
                        region,
                        next.state(),
                        next.lastError() == null ? "" : ": " + next.lastError());
            }
            services.metrics()
                    .recordRegionHealth(
                            protection.getKind(),
                            protection.getMetadata().getNamespace(),
                            protection.getMetadata().getName(),
                            region,
                            next.state());
        });
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

    /** The topology, region health, running failover and history, mirrored into status (changes only). */
    private void mirrorFailovers(
            ProtectionStatus next,
            ProtectionStatus previous,
            RegionTopology topology,
            List<RegionFailover> rfos,
            ProtectionRuntimes.Runtime runtime,
            Instant now) {
        next.activeRegion = topology.activeRegion();
        next.epoch = topology.epoch();
        next.fencedRegions = new ArrayList<>(topology.fencedRegions());
        RegionStatuses.Update regions =
                RegionStatuses.update(previous.regions, topology.roles(), runtime.health(previous.regions, now), now);
        next.regions = regions.changed() ? regions.regions() : previous.regions;
        next.failover = CommittedFailovers.inProgress(rfos);
        next.failoverHistory = CommittedFailovers.history(previous.failoverHistory, rfos);
    }

    private void automaticFailover(
            P protection,
            Context<P> context,
            RegionTopology topology,
            ProtectionStatus status,
            List<RegionFailover> rfos,
            ProtectionRuntimes.Runtime runtime,
            SyncSettings sync,
            HealthCheckSettings health,
            Instant now) {
        FailoverSettings failover;
        try {
            failover = FailoverSettings.of(failoverSpec(protection));
        } catch (Blocked e) {
            return;
        }
        if (sync == null || health == null || failover.mode() != dev.regionguard.api.FailoverMode.Automatic) {
            return;
        }
        Map<String, RegionHealth> live = runtime.health(status.regions, now);
        List<StandbyReadiness> standbys = readiness(topology, status, live, sync.interval(), now);
        boolean inProgress = rfos.stream().anyMatch(r -> !CommittedFailovers.isFinal(r));
        AutomaticFailoverPolicy.Situation situation = new AutomaticFailoverPolicy.Situation(
                topology.activeRegion(),
                live.getOrDefault(topology.activeRegion(), RegionHealth.unknown(now)),
                standbys,
                FailoverHistory.lastAutomaticFailover(CommittedFailovers.history(status.failoverHistory, rfos))
                        .orElse(null),
                inProgress);
        AutomaticFailoverPolicy.Verdict verdict =
                new AutomaticFailoverPolicy(failover, health).evaluate(situation, now);
        String who = protection.getMetadata().getNamespace() + "/"
                + protection.getMetadata().getName();
        if (verdict instanceof AutomaticFailoverPolicy.Decision decision) {
            RegionFailover rfo = AutomaticFailoverRequest.build(
                    kind(),
                    protection.getMetadata().getName(),
                    protection.getMetadata().getNamespace(),
                    decision,
                    now);
            try {
                context.getClient().resource(rfo).create();
                LOG.warn(
                        "[{}] automatic failover {} to {}: {}",
                        who,
                        rfo.getMetadata().getName(),
                        decision.targetRegion(),
                        decision.reason());
                services.events()
                        .warning(
                                protection,
                                "AutomaticFailover",
                                "created RegionFailover " + rfo.getMetadata().getName() + " to "
                                        + decision.targetRegion());
            } catch (RuntimeException e) { // e.g. 409: the same decision was already made
                LOG.warn(
                        "[{}] could not create RegionFailover {}: {}",
                        who,
                        rfo.getMetadata().getName(),
                        e.getMessage());
            }
            runtime.holdChanged(null);
        } else if (runtime.holdChanged(verdict.reason().replaceAll("[0-9]+", "#")) && !status.regions.isEmpty()) {
            // keyed without numbers: "synced 12s ago" must not make a new log line every probe
            LOG.info("[{}] no automatic failover: {}", who, verdict.reason());
        }
    }

    private static List<StandbyReadiness> readiness(
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

    // ---- FailoverPort: what a RegionFailover asks of this protection ----

    @SuppressWarnings("unchecked")
    private P cast(HasMetadata protection) {
        return (P) protection;
    }

    @Override
    public Optional<HasMetadata> find(String namespace, String name) {
        return primaryCache == null
                ? Optional.empty()
                : primaryCache.get(new ResourceID(name, namespace)).map(p -> (HasMetadata) p);
    }

    @Override
    public boolean paused(HasMetadata protection) {
        return isPaused((CustomResource<?, ?>) protection);
    }

    @Override
    public ProtectionView view(HasMetadata resource) {
        try {
            return viewOf(cast(resource));
        } catch (RuntimeException e) { // e.g. this controller's informers are still starting
            LOG.debug("no view of {} yet: {}", resource.getMetadata().getName(), e.toString());
            return null;
        }
    }

    private ProtectionView viewOf(P protection) {
        Instant now = clock.instant();
        ProtectionStatus status = protection.getStatus() == null ? newStatus() : protection.getStatus();
        List<RegionFailover> rfos = failoversOf(protection);
        RegionTopology topology;
        Duration syncInterval;
        FailoverSettings failover;
        try {
            topology = topology(protection, status, rfos);
            syncInterval = SyncSettings.of(syncSpec(protection), entityTypes(protection))
                    .interval();
            failover = FailoverSettings.of(failoverSpec(protection));
        } catch (Blocked e) {
            return null;
        }
        Map<String, RegionHealth> live = runtimes.get(protection).health(status.regions, now);
        Map<String, HealthState> health = new TreeMap<>();
        live.forEach((region, h) -> health.put(region, h.state()));
        Map<String, String> endpoints = new TreeMap<>();
        topology.regions().forEach(r -> endpoints.put(r, endpoint(services.endpoints(), r)));
        return new ProtectionView(
                kind(),
                topology,
                health,
                readiness(topology, status, live, syncInterval, now),
                CommittedFailovers.holder(rfos)
                        .map(r -> r.getMetadata().getName())
                        .orElse(null),
                failover.endpointConfigMap(),
                endpoints);
    }

    @Override
    public Duration probeTimeout(HasMetadata protection) {
        try {
            return HealthCheckSettings.of(healthCheckSpec(cast(protection))).timeout();
        } catch (Blocked e) {
            return HealthCheckSettings.DEFAULTS.timeout();
        }
    }

    private Sides allSides(P protection) throws Blocked {
        ProtectionStatus status = protection.getStatus() == null ? newStatus() : protection.getStatus();
        return sides(protection, topology(protection, status, failoversOf(protection)));
    }

    @Override
    public ProbeOutcome probe(HasMetadata resource, String region) {
        P protection = cast(resource);
        try {
            Sides sides = allSides(protection);
            return RegionProbes.probeOne(
                    services.probeExecutor(),
                    () -> failoverActions()
                            .probe(
                                    protection,
                                    sides.byRegion().get(region),
                                    sides.keys().get(region)),
                    probeTimeout(protection));
        } catch (Blocked e) {
            return new ProbeOutcome.Inconclusive(dev.regionguard.cloud.ErrorCategory.INVALID_REQUEST, e.getMessage());
        }
    }

    @Override
    public StepResult finalSync(HasMetadata resource, String from, String to) {
        P protection = cast(resource);
        try {
            SyncSettings settings = SyncSettings.of(syncSpec(protection), entityTypes(protection));
            Sides all = allSides(protection);
            ProtectedSide source = all.byRegion().get(from);
            ProtectedSide target = all.byRegion().get(to);
            EntityStore sourceStore = store(protection, source, all.keys().get(from));
            SyncTarget syncTarget =
                    new SyncTarget(to, store(protection, target, all.keys().get(to)), new Watermarks());
            ProtectionStatus status = protection.getStatus() == null ? newStatus() : protection.getStatus();
            SyncOutcome outcome = engine.sync(new SyncRequest(
                    sourceStore,
                    List.of(syncTarget),
                    settings.types(),
                    settings.policy(true, status.primaryInventory, confirmedCount(protection)),
                    material(protection)));
            if (outcome.source().error() != null) {
                return StepResult.failed(from + " not read: " + outcome.source().error());
            }
            SyncOutcome.Target t = outcome.targets().get(0);
            if (!t.reached() || t.counts().failed() > 0 || !t.issues().isEmpty()) {
                return StepResult.failed(to + " not fully synced: "
                        + (t.reached()
                                ? t.counts().failed() + " writes failed, "
                                        + t.issues().size() + " entities not synced"
                                : t.error()));
            }
            SyncOutcome.Counts c = t.counts();
            return StepResult.succeeded(String.format(
                    "%s synced from %s: %d created, %d updated, %d deleted",
                    to, from, c.created(), c.updated(), c.deleted()));
        } catch (Blocked e) {
            return StepResult.failed(e.getMessage());
        }
    }

    @Override
    public StepResult fence(HasMetadata resource, String region) {
        P protection = cast(resource);
        try {
            Sides all = allSides(protection);
            Duration timeout = probeTimeout(protection);
            java.util.concurrent.Future<String> fencing = services.probeExecutor()
                    .submit(() -> failoverActions()
                            .fence(
                                    protection,
                                    all.byRegion().get(region),
                                    all.keys().get(region)));
            try {
                // the old region gets one probe timeout per call it needs, and never blocks the failover
                return StepResult.succeeded(
                        fencing.get(timeout.toMillis() * 4, java.util.concurrent.TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                fencing.cancel(true);
                return StepResult.skipped(region + " did not answer in time: not fenced");
            } catch (java.util.concurrent.ExecutionException e) {
                return StepResult.skipped(
                        region + " could not be fenced: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return StepResult.skipped("interrupted");
            }
        } catch (Blocked e) {
            return StepResult.skipped(e.getMessage());
        }
    }

    @Override
    public void unfence(HasMetadata resource, String region, String referenceRegion) {
        P protection = cast(resource);
        try {
            Sides all = allSides(protection);
            LOG.info(
                    "[{}/{}] {}",
                    protection.getMetadata().getNamespace(),
                    protection.getMetadata().getName(),
                    failoverActions()
                            .unfence(
                                    protection,
                                    all.byRegion().get(region),
                                    all.keys().get(region),
                                    all.byRegion().get(referenceRegion),
                                    all.keys().get(referenceRegion)));
        } catch (Blocked | RuntimeException e) {
            LOG.warn(
                    "[{}/{}] could not unfence {}: {}",
                    protection.getMetadata().getNamespace(),
                    protection.getMetadata().getName(),
                    region,
                    e.getMessage());
        }
    }

    @Override
    public Map<String, String> activate(HasMetadata resource, String region, long epoch) {
        P protection = cast(resource);
        Sides all;
        try {
            all = allSides(protection);
        } catch (Blocked e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        ProtectedSide side = all.byRegion().get(region);
        Map<String, String> data = new TreeMap<>(
                failoverActions().activate(protection, side, all.keys().get(region)));
        data.put("region", region);
        data.put("endpoint", endpoint(services.endpoints(), region));
        data.put("epoch", String.valueOf(epoch));
        return data;
    }

    /** The sides of this pass: the active one is the source, the others not fenced are targets. */
    public record Sides(
            ProtectedSide source,
            ApiKey sourceKey,
            List<ProtectedSide> targets,
            Map<String, ApiKey> keys,
            Map<String, ProtectedSide> byRegion) {}

    private Sides sides(P protection, RegionTopology topology) throws Blocked {
        String namespace = protection.getMetadata().getNamespace();
        ProtectedSide primary = primary(protection);
        List<ProtectedSide> standbys = standbys(protection);
        if (primary == null || standbys.isEmpty()) {
            throw Blocked.spec("spec.primary and at least one spec.standbys entry are required");
        }
        Map<String, ProtectedSide> byRegion = new LinkedHashMap<>();
        byRegion.put(primary.region(), primary);
        for (ProtectedSide s : standbys) {
            if (byRegion.putIfAbsent(s.region(), s) != null) {
                throw Blocked.spec(
                        "standby region " + s.region() + " repeats the primary's or another standby's region");
            }
        }
        Map<String, ApiKey> keys = new LinkedHashMap<>();
        ApiKey primaryKey = Credentials.apiKey(objects, namespace, primary.credentials());
        for (ProtectedSide side : byRegion.values()) {
            keys.put(
                    side.region(),
                    side.credentials() == null || side == primary
                            ? primaryKey
                            : Credentials.apiKey(objects, namespace, side.credentials()));
        }
        ProtectedSide source = byRegion.get(topology.activeRegion());
        List<ProtectedSide> targets =
                topology.syncTargets().stream().map(byRegion::get).toList();
        return new Sides(source, keys.get(source.region()), targets, keys, byRegion);
    }

    private SyncRequest request(
            P protection,
            SyncSettings settings,
            Sides sides,
            ProtectionRuntimes.Runtime runtime,
            Instant now,
            Integer baseline) {
        EntityStore source = store(protection, sides.source(), sides.sourceKey());
        List<SyncTarget> targets = new ArrayList<>();
        for (ProtectedSide side : sides.targets()) {
            targets.add(new SyncTarget(
                    side.region(),
                    store(protection, side, sides.keys().get(side.region())),
                    runtime.watermarks(sides.source().region() + ">" + side.region())));
        }
        boolean fullCompare = runtime.fullCompareDue(now, settings.fullCompareInterval());
        return new SyncRequest(
                source,
                targets,
                settings.types(),
                settings.policy(fullCompare, baseline, confirmedCount(protection)),
                material(protection));
    }

    public static boolean isPaused(CustomResource<?, ?> protection) {
        Map<String, String> annotations = protection.getMetadata().getAnnotations();
        return annotations != null && "true".equalsIgnoreCase(annotations.get(Protections.PAUSED));
    }

    private static Integer confirmedCount(CustomResource<?, ?> protection) {
        Map<String, String> annotations = protection.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(Protections.CONFIRM_PRIMARY_COUNT);
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Set<String> secretNames(P protection) {
        return protection.getSpec() == null ? Set.of() : specSecretNames(protection);
    }

    /** Names of the credential Secrets of a set of sides, for {@link #specSecretNames}. */
    protected static Set<String> credentialSecrets(ProtectedSide primary, List<ProtectedSide> standbys) {
        Set<String> names = new HashSet<>();
        for (ProtectedSide side : concat(primary, standbys)) {
            SecretKeyRef ref = side == null ? null : side.credentials();
            if (ref != null && ref.name != null) {
                names.add(ref.name);
            }
        }
        return names;
    }

    private static List<ProtectedSide> concat(ProtectedSide first, List<ProtectedSide> rest) {
        List<ProtectedSide> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    protected static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
