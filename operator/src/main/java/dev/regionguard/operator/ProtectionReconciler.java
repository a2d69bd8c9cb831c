package dev.regionguard.operator;

import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.api.SyncSpec;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.failover.RegionTopology;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.MaterialSource;
import dev.regionguard.sync.SyncEngine;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncRequest;
import dev.regionguard.sync.SyncTarget;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every protection reconciler does, whatever the service: observe (spec, credentials,
 * material), decide (this pass's policy and direction: from the active region to every other
 * region that is not fenced), act (one sync pass), report (status, Events, next pass).
 * A subclass says how its service names sides, stores entities and records extras.
 */
public abstract class ProtectionReconciler<P extends CustomResource<?, S>, S extends ProtectionStatus>
        implements Reconciler<P> {
    private final SyncEngine engine;
    private final SyncReporter reporter;
    private final Clock clock;
    private final ProtectionRuntimes runtimes = new ProtectionRuntimes();
    protected final ReferencedObjects<P> objects = new ReferencedObjects<>(this::secretNames, this::configMapNames);

    protected ProtectionReconciler(SyncEngine engine, SyncReporter reporter, Clock clock) {
        this.engine = engine;
        this.reporter = reporter;
        this.clock = clock;
    }

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
    protected void recordExtras(P protection, S previous, S next, Sides sides) {
    }

    @Override
    public List<EventSource<?, P>> prepareEventSources(EventSourceContext<P> context) {
        return objects.eventSources(context);
    }

    @Override
    public UpdateControl<P> reconcile(P protection, Context<P> context) {
        Instant now = clock.instant();
        runtimes.retain(context.getPrimaryCache().list().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet()),
                reporter::forget);
        ProtectionRuntimes.Runtime runtime = runtimes.get(protection);
        runtime.onGeneration(protection.getMetadata().getGeneration());
        S previous = protection.getStatus() == null ? newStatus() : protection.getStatus();

        SyncSettings settings = null;
        PassResult result;
        Sides sides = null;
        try {
            settings = SyncSettings.of(syncSpec(protection), entityTypes(protection));
            if (isPaused(protection)) {
                throw Blocked.paused();
            }
            sides = sides(protection, previous);
            SyncRequest request = request(protection, settings, sides, runtime, now, previous.primaryInventory);
            SyncOutcome outcome = engine.sync(request);
            if (outcome.source().error() == null && request.policy().fullCompare()) {
                runtime.fullCompareDone(now);
            }
            result = new PassResult.Synced(outcome);
        } catch (Blocked blocked) {
            result = blocked.toResult();
        }
        Sides resolved = sides;
        S next = newStatus();
        List<StandbyRef> refs = resolved == null ? List.of()
                : resolved.targets().stream().map(this::standbyRef).toList();
        return reporter.report(protection, previous, next, result, settings, runtime, refs, now, this::newResource,
                resolved == null ? s -> { } : s -> recordExtras(protection, previous, s, resolved));
    }

    /** The sides of this pass: the active one is the source, the others not fenced are targets. */
    public record Sides(ProtectedSide source, ApiKey sourceKey, List<ProtectedSide> targets, Map<String, ApiKey> keys) {
    }

    private Sides sides(P protection, ProtectionStatus status) throws Blocked {
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
                throw Blocked.spec("standby region " + s.region() + " repeats the primary's or another standby's region");
            }
        }
        RegionTopology topology;
        try {
            topology = RegionTopology.of(primary.region(), standbys.stream().map(ProtectedSide::region).toList(), status);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw Blocked.spec(e.getMessage());
        }
        Map<String, ApiKey> keys = new LinkedHashMap<>();
        ApiKey primaryKey = Credentials.apiKey(objects, namespace, primary.credentials());
        for (ProtectedSide side : byRegion.values()) {
            keys.put(side.region(), side.credentials() == null || side == primary ? primaryKey
                    : Credentials.apiKey(objects, namespace, side.credentials()));
        }
        ProtectedSide source = byRegion.get(topology.activeRegion());
        List<ProtectedSide> targets = topology.syncTargets().stream().map(byRegion::get).toList();
        return new Sides(source, keys.get(source.region()), targets, keys);
    }

    private SyncRequest request(P protection, SyncSettings settings, Sides sides, ProtectionRuntimes.Runtime runtime,
                                Instant now, Integer baseline) {
        EntityStore source = store(protection, sides.source(), sides.sourceKey());
        List<SyncTarget> targets = new ArrayList<>();
        for (ProtectedSide side : sides.targets()) {
            targets.add(new SyncTarget(side.region(), store(protection, side, sides.keys().get(side.region())),
                    runtime.watermarks(sides.source().region() + ">" + side.region())));
        }
        boolean fullCompare = runtime.fullCompareDue(now, settings.fullCompareInterval());
        return new SyncRequest(source, targets, settings.types(),
                settings.policy(fullCompare, baseline, confirmedCount(protection)), material(protection));
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
