package dev.regionguard.eventnotifications;

import dev.regionguard.api.EnStandby;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.operator.Blocked;
import dev.regionguard.operator.Credentials;
import dev.regionguard.operator.KubernetesMaterial;
import dev.regionguard.operator.PassResult;
import dev.regionguard.operator.ProtectionRuntimes;
import dev.regionguard.operator.ReferencedObjects;
import dev.regionguard.operator.StandbyRef;
import dev.regionguard.operator.SyncReporter;
import dev.regionguard.operator.SyncSettings;
import dev.regionguard.sync.SyncEngine;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncRequest;
import dev.regionguard.sync.SyncTarget;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the standbys of an {@link EventNotificationsProtection} in line with its primary.
 * Observe (spec, credentials, material), decide (policy for this pass), act (one sync pass),
 * report (status, Events, next pass).
 */
@ControllerConfiguration(name = "eventnotificationsprotection")
public class EventNotificationsProtectionReconciler implements Reconciler<EventNotificationsProtection> {
    private final EventNotificationsClients clients;
    private final SyncEngine engine;
    private final SyncReporter reporter;
    private final Clock clock;
    private final ProtectionRuntimes runtimes = new ProtectionRuntimes();
    private final ReferencedObjects<EventNotificationsProtection> objects =
            new ReferencedObjects<>(EventNotificationsProtectionReconciler::secretNames,
                    EventNotificationsProtectionReconciler::configMapNames);

    public EventNotificationsProtectionReconciler(EventNotificationsClients clients, SyncEngine engine,
                                                  SyncReporter reporter, Clock clock) {
        this.clients = clients;
        this.engine = engine;
        this.reporter = reporter;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, EventNotificationsProtection>> prepareEventSources(
            EventSourceContext<EventNotificationsProtection> context) {
        return objects.eventSources(context);
    }

    @Override
    public UpdateControl<EventNotificationsProtection> reconcile(EventNotificationsProtection enp,
                                                                 Context<EventNotificationsProtection> context) {
        Instant now = clock.instant();
        runtimes.retain(context.getPrimaryCache().list().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet()),
                reporter::forget);
        ProtectionRuntimes.Runtime runtime = runtimes.get(enp);
        runtime.onGeneration(enp.getMetadata().getGeneration());
        ProtectionStatus previous = enp.getStatus() == null ? new ProtectionStatus() : enp.getStatus();
        EventNotificationsProtectionSpec spec = enp.getSpec();

        SyncSettings settings = null;
        PassResult result;
        Integer baseline = previous.primaryInventory;
        try {
            settings = SyncSettings.of(spec.sync, EnEntityTypes.all());
            SyncRequest request = request(enp, settings, runtime, now, baseline);
            SyncOutcome outcome = engine.sync(request);
            if (outcome.source().error() == null && request.policy().fullCompare()) {
                runtime.fullCompareDone(now);
            }
            result = new PassResult.Synced(outcome);
        } catch (Blocked blocked) {
            result = blocked.toResult();
        }
        return reporter.report(enp, previous, result, settings, runtime, standbyRefs(spec), now,
                () -> new EventNotificationsProtection());
    }

    private SyncRequest request(EventNotificationsProtection enp, SyncSettings settings,
                                ProtectionRuntimes.Runtime runtime, Instant now, Integer baseline) throws Blocked {
        EventNotificationsProtectionSpec spec = enp.getSpec();
        String namespace = enp.getMetadata().getNamespace();
        if (spec.primary == null || spec.standbys == null || spec.standbys.isEmpty()) {
            throw Blocked.spec("spec.primary and at least one spec.standbys entry are required");
        }
        Set<String> regions = new HashSet<>();
        regions.add(spec.primary.region);
        for (EnStandby s : spec.standbys) {
            if (!regions.add(s.region)) {
                throw Blocked.spec("standby region " + s.region + " repeats the primary's or another standby's region");
            }
        }
        ApiKey primaryKey = Credentials.apiKey(objects, namespace, spec.credentialsSecretRef);
        EnEntityStore source = new EnEntityStore(clients.forInstance(spec.primary.region, spec.primary.instanceId, primaryKey));
        List<SyncTarget> targets = new ArrayList<>();
        for (EnStandby s : spec.standbys) {
            ApiKey key = s.credentialsSecretRef == null ? primaryKey : Credentials.apiKey(objects, namespace, s.credentialsSecretRef);
            targets.add(new SyncTarget(s.region, new EnEntityStore(clients.forInstance(s.region, s.instanceId, key)),
                    runtime.watermarks(s.region)));
        }
        KubernetesMaterial material = new KubernetesMaterial(objects, namespace,
                nullToEmpty(spec.destinationSecrets), nullToEmpty(spec.templateBodies));
        boolean fullCompare = runtime.fullCompareDue(now, settings.fullCompareInterval());
        return new SyncRequest(source, targets, settings.types(),
                settings.policy(fullCompare, baseline, confirmedCount(enp)), material);
    }

    private static Integer confirmedCount(EventNotificationsProtection enp) {
        String value = enp.getMetadata().getAnnotations() == null ? null
                : enp.getMetadata().getAnnotations().get(Protections.CONFIRM_PRIMARY_COUNT);
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<StandbyRef> standbyRefs(EventNotificationsProtectionSpec spec) {
        return spec.standbys == null ? List.of()
                : spec.standbys.stream().map(s -> new StandbyRef(s.region, s.instanceId, null)).toList();
    }

    static Set<String> secretNames(EventNotificationsProtection enp) {
        EventNotificationsProtectionSpec spec = enp.getSpec();
        Set<String> names = new HashSet<>();
        if (spec == null) {
            return names;
        }
        if (spec.credentialsSecretRef != null) {
            names.add(spec.credentialsSecretRef.name);
        }
        nullToEmpty(spec.standbys).stream().filter(s -> s.credentialsSecretRef != null)
                .forEach(s -> names.add(s.credentialsSecretRef.name));
        nullToEmpty(spec.destinationSecrets).stream().map(d -> d.secretName).forEach(names::add);
        nullToEmpty(spec.templateBodies).stream().filter(t -> t.secretName != null).forEach(t -> names.add(t.secretName));
        return names;
    }

    static Set<String> configMapNames(EventNotificationsProtection enp) {
        EventNotificationsProtectionSpec spec = enp.getSpec();
        return spec == null ? Set.of() : nullToEmpty(spec.templateBodies).stream()
                .map(t -> t.configMapName).filter(n -> n != null).collect(Collectors.toSet());
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
