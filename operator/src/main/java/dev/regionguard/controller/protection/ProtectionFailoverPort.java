package dev.regionguard.controller.protection;

import dev.regionguard.api.FenceRecord;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionSpec;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.StandbyVerification;
import dev.regionguard.controller.failover.CommittedFailovers;
import dev.regionguard.controller.failover.FailoverPort;
import dev.regionguard.failover.ProtectionView;
import dev.regionguard.failover.RegionTopology;
import dev.regionguard.failover.StepResult;
import dev.regionguard.health.ProbeOutcome;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.spec.Blocked;
import dev.regionguard.spec.HealthCheckSettings;
import dev.regionguard.spec.ProtectionSettings;
import dev.regionguard.spec.VerificationSettings;
import dev.regionguard.sync.SyncEngine;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a RegionFailover asks of one kind of protection: its view (topology, health, readiness), and
 * the steps that touch IBM Cloud (probe, final sync, fence, unfence, activate). Reads the protection
 * from the cache and shares the live health and parsed spec with its reconciler; never writes it.
 */
public final class ProtectionFailoverPort<
                P extends CustomResource<? extends ProtectionSpec, S>, S extends ProtectionStatus>
        implements FailoverPort {
    private static final Logger LOG = LoggerFactory.getLogger(ProtectionFailoverPort.class);
    private final ProtectedService<P, S> service;
    private final ProtectionObserver<P> observer;
    private final ProtectionRuntimes runtimes;
    private final RegionProber<P> prober;
    private final StandbyProver<P> prover;
    private final SyncRequests<P> requests;
    private final FenceStep<P> fencing;
    private final SyncEngine engine;
    private final ProtectionServices services;
    private final Clock clock;

    private final FailoverActions<P> actions;

    ProtectionFailoverPort(
            ProtectedService<P, S> service,
            FailoverActions<P> actions,
            RegionProber<P> prober,
            StandbyProver<P> prover,
            ProtectionObserver<P> observer,
            ProtectionRuntimes runtimes,
            SyncEngine engine,
            ProtectionServices services,
            Clock clock) {
        this.service = service;
        this.observer = observer;
        this.runtimes = runtimes;
        this.actions = actions;
        this.prober = prober;
        this.prover = prover;
        this.requests = new SyncRequests<>(service);
        this.fencing = new FenceStep<>(actions, services.probeExecutor());
        this.engine = engine;
        this.services = services;
        this.clock = clock;
    }

    @Override
    public ProtectionKind kind() {
        return service.kind();
    }

    @Override
    public Optional<HasMetadata> find(String namespace, String name) {
        return observer.find(namespace, name).map(HasMetadata.class::cast);
    }

    @Override
    public boolean paused(HasMetadata protection) {
        return ProtectionObserver.isPaused(protection);
    }

    @Override
    public ProtectionView view(HasMetadata resource) {
        try {
            return viewOf(cast(resource));
        } catch (RuntimeException e) { // e.g. this controller's informers are still starting
            LOG.debug("no view of the protection yet: {}", e.toString());
            return null;
        }
    }

    private ProtectionView viewOf(P protection) {
        Instant now = clock.instant();
        ProtectionStatus status = statusOf(protection);
        List<RegionFailover> rfos = observer.failoversOf(protection);
        ProtectionSettings settings = settings(protection);
        RegionTopology topology;
        try {
            topology = observer.topology(protection, status, rfos);
        } catch (Blocked e) {
            return null;
        }
        if (settings.sync() == null || settings.failover() == null) {
            return null;
        }
        Map<String, RegionHealth> live = runtimes.get(protection).health(status.regions, now);
        Map<String, HealthState> health = new TreeMap<>();
        live.forEach((region, h) -> health.put(region, h.state()));
        Map<String, String> endpoints = new TreeMap<>();
        topology.regions().forEach(r -> endpoints.put(r, service.endpoint(services.endpoints(), r)));
        return new ProtectionView(
                kind(),
                topology,
                health,
                AutomaticFailover.readiness(
                        topology, status, live, settings.sync().interval(), now),
                CommittedFailovers.holder(rfos)
                        .map(r -> r.getMetadata().getName())
                        .orElse(null),
                settings.failover().endpointConfigMap(),
                endpoints,
                actions.fencesOutside(protection),
                status.vantagePoints == null ? List.of() : status.vantagePoints,
                status.failoverHistory == null ? List.of() : status.failoverHistory);
    }

    @Override
    public Duration probeTimeout(HasMetadata protection) {
        HealthCheckSettings health = settings(cast(protection)).health();
        return (health == null ? HealthCheckSettings.DEFAULTS : health).timeout();
    }

    @Override
    public StepResult prove(HasMetadata resource, String region) {
        P protection = cast(resource);
        try {
            VerificationSettings verification = settings(protection).check().verification();
            if (verification == null) {
                return StepResult.refused(
                        "NoVerification", "spec.verification is not set: a drill proves the standby with its checks");
            }
            Sides sides = allSides(protection);
            StandbyVerification proof = prover.proveNow(
                    protection,
                    sides.byRegion().get(region),
                    sides.keys().get(region),
                    verification,
                    runtimes.get(protection));
            String message = proof.message + " in " + proof.durationMs + "ms";
            return Boolean.TRUE.equals(proof.verified)
                    ? StepResult.succeeded(message)
                    : StepResult.refused("DrillFailed", message);
        } catch (Blocked e) {
            return StepResult.refused(e.reason(), e.getMessage());
        }
    }

    @Override
    public ProbeOutcome probe(HasMetadata resource, String region) {
        P protection = cast(resource);
        try {
            return prober.probeOne(protection, allSides(protection), region, probeTimeout(protection));
        } catch (Blocked e) {
            return RegionProber.inconclusive(e.getMessage());
        }
    }

    @Override
    public StepResult finalSync(HasMetadata resource, String from, String to) {
        P protection = cast(resource);
        try {
            ProtectionSettings settings = settings(protection).check();
            Sides all = allSides(protection);
            SyncRequest request = requests.finalSync(
                    protection, settings.sync(), all, from, to, statusOf(protection).primaryInventory);
            SyncOutcome outcome = runtimes.get(protection).exclusively(() -> engine.sync(request));
            return FinalSyncResult.of(outcome, from, to);
        } catch (Blocked e) {
            return StepResult.failed(e.getMessage());
        }
    }

    @Override
    public Optional<FenceRecord> fenceRecord(HasMetadata resource, String region) {
        P protection = cast(resource);
        try {
            return fencing.record(
                    protection, allSides(protection), region, probeTimeout(protection), answers(protection, region));
        } catch (Blocked e) {
            return Optional.empty();
        }
    }

    @Override
    public StepResult fence(HasMetadata resource, String region) {
        P protection = cast(resource);
        try {
            return fencing.fence(
                    protection, allSides(protection), region, probeTimeout(protection), answers(protection, region));
        } catch (Blocked e) {
            return StepResult.skipped(e.getMessage());
        }
    }

    @Override
    public StepResult unfence(HasMetadata resource, FenceRecord fence) {
        P protection = cast(resource);
        try {
            return fencing.unfence(protection, allSides(protection), fence, probeTimeout(protection));
        } catch (Blocked e) {
            return StepResult.failed("UnfenceFailed", e.getMessage());
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
        Map<String, String> data = new TreeMap<>(actions.activate(
                protection, all.byRegion().get(region), all.keys().get(region)));
        data.put("region", region);
        data.put("endpoint", service.endpoint(services.endpoints(), region));
        data.put("epoch", String.valueOf(epoch));
        return data;
    }

    /** False for a region the protection's own probes see Unhealthy: the failover does not wait for it. */
    private boolean answers(P protection, String region) {
        ProtectionView view = view(protection);
        return view == null || view.health(region) != HealthState.Unhealthy;
    }

    private ProtectionSettings settings(P protection) {
        return observer.settings(protection, runtimes.get(protection));
    }

    private Sides allSides(P protection) throws Blocked {
        return observer.allSides(protection, statusOf(protection));
    }

    private ProtectionStatus statusOf(P protection) {
        return protection.getStatus() == null ? service.newStatus() : protection.getStatus();
    }

    @SuppressWarnings("unchecked")
    private P cast(HasMetadata protection) {
        return (P) protection;
    }
}
