package dev.regionguard.eventnotifications;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.FailoverSpec;
import dev.regionguard.api.HealthCheckSpec;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.SyncSpec;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.controller.protection.FailoverActions;
import dev.regionguard.controller.protection.KubernetesMaterial;
import dev.regionguard.controller.protection.ProtectionReconciler;
import dev.regionguard.controller.protection.ProtectionServices;
import dev.regionguard.controller.protection.StandbyRef;
import dev.regionguard.controller.protection.SyncReporter;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.MaterialSource;
import dev.regionguard.sync.SyncEngine;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the standbys of an {@link EventNotificationsProtection} in line with its active instance.
 * Event Notifications specifics: instances, the EN entity types, and write-only material (destination
 * secrets, template bodies) from Secrets and ConfigMaps.
 */
@ControllerConfiguration(name = "eventnotificationsprotection")
public class EventNotificationsProtectionReconciler
        extends ProtectionReconciler<EventNotificationsProtection, ProtectionStatus> {
    private final EventNotificationsClients clients;
    private final EnFailoverActions failoverActions;

    /** @param probeClients clients without retries, for health probes */
    public EventNotificationsProtectionReconciler(
            EventNotificationsClients clients,
            EventNotificationsClients probeClients,
            SyncEngine engine,
            SyncReporter reporter,
            Clock clock,
            ProtectionServices services) {
        super(engine, reporter, clock, services);
        this.clients = clients;
        this.failoverActions = new EnFailoverActions(clients, probeClients);
    }

    @Override
    public ProtectionKind kind() {
        return ProtectionKind.EventNotificationsProtection;
    }

    @Override
    protected HealthCheckSpec healthCheckSpec(EventNotificationsProtection enp) {
        return enp.getSpec().healthCheck;
    }

    @Override
    protected FailoverSpec failoverSpec(EventNotificationsProtection enp) {
        return enp.getSpec().failover;
    }

    @Override
    protected FailoverActions<EventNotificationsProtection> failoverActions() {
        return failoverActions;
    }

    @Override
    protected String endpoint(Endpoints endpoints, String region) {
        return endpoints.eventNotifications(region);
    }

    @Override
    protected ProtectedSide primary(EventNotificationsProtection enp) {
        EventNotificationsProtectionSpec spec = enp.getSpec();
        return spec.primary == null
                ? null
                : new ProtectedSide(spec.primary.region, spec.primary.instanceId, spec.credentialsSecretRef);
    }

    @Override
    protected List<ProtectedSide> standbys(EventNotificationsProtection enp) {
        return nullToEmpty(enp.getSpec().standbys).stream()
                .map(s -> new ProtectedSide(s.region, s.instanceId, s.credentialsSecretRef))
                .toList();
    }

    @Override
    protected SyncSpec syncSpec(EventNotificationsProtection enp) {
        return enp.getSpec().sync;
    }

    @Override
    protected List<EntityType> entityTypes(EventNotificationsProtection enp) {
        return EnEntityTypes.all();
    }

    @Override
    protected EntityStore store(EventNotificationsProtection enp, ProtectedSide side, ApiKey key) {
        return new EnEntityStore(clients.forInstance(side.region(), side.id(), key));
    }

    @Override
    protected StandbyRef standbyRef(ProtectedSide side) {
        return new StandbyRef(side.region(), side.id(), null);
    }

    @Override
    protected MaterialSource material(EventNotificationsProtection enp) {
        return new KubernetesMaterial(
                objects,
                enp.getMetadata().getNamespace(),
                nullToEmpty(enp.getSpec().destinationSecrets),
                nullToEmpty(enp.getSpec().templateBodies));
    }

    @Override
    protected ProtectionStatus newStatus() {
        return new ProtectionStatus();
    }

    @Override
    protected EventNotificationsProtection newResource() {
        return new EventNotificationsProtection();
    }

    @Override
    protected Set<String> specSecretNames(EventNotificationsProtection enp) {
        EventNotificationsProtectionSpec spec = enp.getSpec();
        Set<String> names = credentialSecrets(primary(enp), standbys(enp));
        nullToEmpty(spec.destinationSecrets).forEach(d -> names.add(d.secretName));
        nullToEmpty(spec.templateBodies).stream()
                .filter(t -> t.secretName != null)
                .forEach(t -> names.add(t.secretName));
        return names;
    }

    @Override
    protected Set<String> configMapNames(EventNotificationsProtection enp) {
        return enp.getSpec() == null
                ? Set.of()
                : nullToEmpty(enp.getSpec().templateBodies).stream()
                        .map(t -> t.configMapName)
                        .filter(n -> n != null)
                        .collect(Collectors.toSet());
    }
}
