package dev.regionguard.controller.protection;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionSpec;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionObservation;
import dev.regionguard.api.Timestamps;
import dev.regionguard.controller.failover.CommittedFailovers;
import dev.regionguard.controller.failover.FailoverRequests;
import dev.regionguard.failover.ActiveRegionDecision;
import dev.regionguard.failover.RegionTopology;
import dev.regionguard.failover.VantageQuorum;
import dev.regionguard.spec.Blocked;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.spec.ProtectionSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The "observe" step: what a protection reads besides itself (its Secrets and ConfigMaps, read by
 * name; its RegionFailovers, from an informer), its spec parsed once per generation, the topology the
 * committed failovers leave, and the sides with their API keys.
 */
final class ProtectionObserver<P extends CustomResource<? extends ProtectionSpec, ?>> {
    private final ProtectedService<P, ?> service;
    final ReferencedObjects<P> objects;
    private volatile InformerEventSource<RegionFailover, P> failovers;
    private volatile InformerEventSource<RegionObservation, P> observations;
    private volatile IndexerResourceCache<P> primaryCache;

    ProtectionObserver(ProtectedService<P, ?> service) {
        this.service = service;
        this.objects = new ReferencedObjects<>();
    }

    List<EventSource<?, P>> eventSources(EventSourceContext<P> context) {
        primaryCache = context.getPrimaryCache();
        ProtectionKind kind = service.kind();
        // A failover commits in its own status: the protection must learn of it at once.
        failovers = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(RegionFailover.class, context.getPrimaryResourceClass())
                        .withName("regionfailovers")
                        .withNamespacesInheritedFromController()
                        .withSecondaryToPrimaryMapper((RegionFailover r) -> FailoverRequests.target(r)
                                .filter(ref -> ref.kind == kind)
                                .map(ref -> Set.of(
                                        new ResourceID(ref.name, r.getMetadata().getNamespace())))
                                .orElse(Set.of()))
                        .build(),
                context);
        objects.readWith(context.getClient());
        // A witness's report can complete a quorum: the protection re-evaluates on each.
        observations = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(RegionObservation.class, context.getPrimaryResourceClass())
                        .withName("regionobservations")
                        .withNamespacesInheritedFromController()
                        .withSecondaryToPrimaryMapper((RegionObservation o) -> o.getSpec() == null
                                        || o.getSpec().protectionRef == null
                                        || o.getSpec().protectionRef.kind != kind
                                ? Set.of()
                                : Set.of(new ResourceID(
                                        o.getSpec().protectionRef.name,
                                        o.getMetadata().getNamespace())))
                        .build(),
                context);
        return List.of(failovers, observations);
    }

    /** Everything a pass needs before it may act, or why it cannot. */
    Observation observe(P protection, ProtectionStatus previous, ProtectionRuntimes.Runtime runtime) {
        ProtectionSettings settings = settings(protection, runtime);
        List<RegionFailover> rfos = failoversOf(protection);
        RegionTopology topology = null;
        try {
            settings.check();
            if (isPaused(protection)) {
                throw Blocked.paused();
            }
            topology = observedTopology(protection, previous, rfos);
            return new Observation(settings, rfos, topology, Sides.resolve(protection, topology, objects), null);
        } catch (Blocked blocked) {
            return new Observation(settings, rfos, topology, null, blocked);
        } catch (IllegalArgumentException e) { // a topology the spec no longer allows
            return new Observation(settings, rfos, topology, null, Blocked.spec(e.getMessage()));
        }
    }

    ProtectionSettings settings(P protection, ProtectionRuntimes.Runtime runtime) {
        return runtime.settings(
                protection.getMetadata().getGeneration(),
                () -> ProtectionSettings.parse(protection.getSpec(), service.entityTypes(protection)));
    }

    /** Every side with its key, whatever the topology: what a failover step needs. */
    Sides allSides(P protection, ProtectionStatus status) throws Blocked {
        return Sides.resolve(protection, topology(protection, status, failoversOf(protection)), objects);
    }

    /**
     * The topology a RegionFailover acts on; none while the protection holds with an active region
     * conflict (its last pass found the ledger disagreeing), so a failover waits for the decision too.
     */
    RegionTopology topology(P protection, ProtectionStatus status, List<RegionFailover> rfos) throws Blocked {
        Condition ready = status == null ? null : Conditions.find(status.conditions, Conditions.READY);
        if (ready != null && ActiveRegionDecision.REASON.equals(ready.reason)) {
            throw Blocked.spec(ready.message);
        }
        return observedTopology(protection, status, rfos);
    }

    private RegionTopology observedTopology(P protection, ProtectionStatus status, List<RegionFailover> rfos)
            throws Blocked {
        List<ProtectedSide> sides = Sides.required(protection.getSpec());
        try {
            RegionTopology base = RegionTopology.of(
                    sides.get(0).region(),
                    sides.subList(1, sides.size()).stream()
                            .map(ProtectedSide::region)
                            .toList(),
                    status);
            return CommittedFailovers.apply(base, rfos);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw Blocked.spec(e.getMessage());
        }
    }

    List<RegionFailover> failoversOf(HasMetadata protection) {
        if (failovers == null) {
            return List.of();
        }
        String name = protection.getMetadata().getName();
        return failovers
                .list(protection.getMetadata().getNamespace(), r -> FailoverRequests.refersTo(r, service.kind(), name))
                .toList();
    }

    /** What each witness last reported of this protection's regions. */
    List<VantageQuorum.Report> witnessReports(HasMetadata protection) {
        if (observations == null) {
            return List.of();
        }
        String name = protection.getMetadata().getName();
        return observations
                .list(
                        protection.getMetadata().getNamespace(),
                        o -> o.getSpec() != null
                                && o.getSpec().protectionRef != null
                                && o.getSpec().protectionRef.kind == service.kind()
                                && name.equals(o.getSpec().protectionRef.name))
                .map(ProtectionObserver::report)
                .toList();
    }

    private static VantageQuorum.Report report(RegionObservation o) {
        Map<String, HealthState> regions = new TreeMap<>();
        Instant at = null;
        if (o.getStatus() != null) {
            o.getStatus().regions.forEach(r -> regions.put(r.region, r.state));
            at = o.getStatus().observedAt == null ? null : Timestamps.parse(o.getStatus().observedAt);
        }
        return new VantageQuorum.Report(o.getSpec().vantage, at, regions);
    }

    Optional<P> find(String namespace, String name) {
        return primaryCache == null ? Optional.empty() : primaryCache.get(new ResourceID(name, namespace));
    }

    /** What a pass reads besides the spec: the referenced Secrets and ConfigMaps, and the topology. */
    String fingerprint(P protection, RegionTopology topology) {
        String namespace = protection.getMetadata().getNamespace();
        StringBuilder b = new StringBuilder()
                .append(protection.getMetadata().getGeneration())
                .append('|')
                .append(
                        topology == null
                                ? ""
                                : topology.activeRegion() + "@" + topology.epoch() + topology.fencedRegions());
        new TreeSet<>(secretNames(protection))
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

    static boolean isPaused(HasMetadata protection) {
        Map<String, String> annotations = protection.getMetadata().getAnnotations();
        return annotations != null && "true".equalsIgnoreCase(annotations.get(Protections.PAUSED));
    }

    /** Secrets the spec names (credentials, material): a change to one triggers a pass. */
    private Set<String> secretNames(P protection) {
        if (protection.getSpec() == null) {
            return Set.of();
        }
        Set<String> names = new HashSet<>(Sides.credentialSecrets(protection.getSpec()));
        names.addAll(service.materialSecretNames(protection));
        return names;
    }

    private Set<String> configMapNames(P protection) {
        return protection.getSpec() == null ? Set.of() : service.configMapNames(protection);
    }
}
