package dev.regionguard.eventnotifications;

import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.EnRegionalOverrides;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.TemplateBodyRef;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.controller.protection.KubernetesMaterial;
import dev.regionguard.controller.protection.ProtectionReconciler;
import dev.regionguard.controller.protection.ProtectionServices;
import dev.regionguard.controller.protection.Sides;
import dev.regionguard.controller.protection.StandbyRef;
import dev.regionguard.controller.protection.SyncReporter;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.MaterialSource;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.RegionalName;
import dev.regionguard.sync.SyncEngine;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Keeps the standbys of an {@link EventNotificationsProtection} in line with its active instance.
 * Event Notifications specifics: instances, the EN entity types, write-only material (destination
 * secrets, template bodies) from Secrets and ConfigMaps, and the Secrets holding the passwords of the
 * SMTP users it creates ({@link SmtpUserSecrets}), named in {@code status.standbys[].smtpUserSecrets}.
 */
@ControllerConfiguration(name = "eventnotificationsprotection")
public class EventNotificationsProtectionReconciler
        extends ProtectionReconciler<EventNotificationsProtection, ProtectionStatus> {
    private final EventNotificationsClients clients;
    private final KubernetesClient kubernetes;
    private final DomainVerifyBackoff domainBackoff;
    private volatile InformerEventSource<CodeEngineProtection, EventNotificationsProtection> codeEngineProtections;

    /**
     * @param probeClients clients without retries, for health probes
     * @param kubernetes for the Secrets of the SMTP users created on standbys
     */
    public EventNotificationsProtectionReconciler(
            KubernetesClient kubernetes,
            EventNotificationsClients clients,
            EventNotificationsClients probeClients,
            SyncEngine engine,
            SyncReporter reporter,
            Clock clock,
            ProtectionServices services) {
        super(
                engine,
                reporter,
                clock,
                services,
                new EnFailoverActions(clients),
                new EnRegionProbe(probeClients),
                new EnStandbyVerifier(clients));
        this.clients = clients;
        this.kubernetes = kubernetes;
        this.domainBackoff = new DomainVerifyBackoff(clock);
    }

    @Override
    public ProtectionKind kind() {
        return ProtectionKind.EventNotificationsProtection;
    }

    @Override
    public String endpoint(Endpoints endpoints, String region) {
        return endpoints.eventNotifications(region);
    }

    @Override
    public List<EntityType> entityTypes(EventNotificationsProtection enp) {
        return EnEntityTypes.all();
    }

    @Override
    public EntityStore store(EventNotificationsProtection enp, ProtectedSide side, ApiKey key) {
        return new EnEntityStore(
                clients.forInstance(side.region(), side.id(), key), smtpSecrets(enp, side), domainBackoff);
    }

    @Override
    public Overrides overrides(EventNotificationsProtection enp, String region) {
        Map<String, EnRegionalOverrides> declared = new HashMap<>();
        orEmpty(enp.getSpec().standbys).stream()
                .filter(s -> s.regionalOverrides != null)
                .forEach(s -> declared.put(s.region, s.regionalOverrides));
        return EnOverrides.of(
                region,
                enp.getSpec().primary.region,
                declared,
                protectedProjects(enp.getMetadata().getNamespace()));
    }

    /**
     * Adds a cache of the CodeEngineProtections, read by every pass for the ibmce targets: a list call to
     * the API server per region and pass would grow with the number of protections. A change reaches the
     * EN protections at their next pass, as any change to an ibmce target does.
     */
    @Override
    public List<EventSource<?, EventNotificationsProtection>> prepareEventSources(
            EventSourceContext<EventNotificationsProtection> context) {
        List<EventSource<?, EventNotificationsProtection>> sources =
                new ArrayList<>(super.prepareEventSources(context));
        codeEngineProtections = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(CodeEngineProtection.class, EventNotificationsProtection.class)
                        .withName("codeengineprotections")
                        .withNamespacesInheritedFromController()
                        .withSecondaryToPrimaryMapper((CodeEngineProtection cep) -> Set.of())
                        .build(),
                context);
        sources.add(codeEngineProtections);
        return sources;
    }

    /** The projects of the namespace's CodeEngineProtections, each with its ID in every region it has. */
    private List<RegionalName> protectedProjects(String namespace) {
        List<RegionalName> projects = new ArrayList<>();
        for (CodeEngineProtection cep : codeEngineProtections.list(namespace).toList()) {
            if (cep.getSpec() != null && cep.getSpec().primary != null) {
                Map<String, String> byRegion = new HashMap<>();
                orEmpty(cep.getSpec().standbys).forEach(s -> byRegion.put(s.region, s.projectId));
                byRegion.put(cep.getSpec().primary.region, cep.getSpec().primary.projectId);
                projects.add(new RegionalName(byRegion));
            }
        }
        return projects;
    }

    /** Names the SMTP user Secrets of each standby; the values stay in the Secrets. */
    @Override
    public Consumer<ProtectionStatus> statusExtras(
            EventNotificationsProtection enp, ProtectionStatus previous, Sides sides) {
        return next -> orEmpty(next.standbys).forEach(standby -> {
            List<String> names =
                    smtpSecrets(enp, new ProtectedSide(standby.region, standby.instanceId, null)).secrets().stream()
                            .map((Secret s) -> s.getMetadata().getName())
                            .toList();
            standby.smtpUserSecrets = names.isEmpty() ? null : names;
        });
    }

    private SmtpUserSecrets smtpSecrets(EventNotificationsProtection enp, ProtectedSide side) {
        return new SmtpUserSecrets(kubernetes, enp, side.region(), side.id());
    }

    @Override
    public StandbyRef standbyRef(ProtectedSide side) {
        return new StandbyRef(side.region(), side.id(), null);
    }

    @Override
    public MaterialSource material(EventNotificationsProtection enp) {
        return new KubernetesMaterial(
                objects(),
                enp.getMetadata().getNamespace(),
                orEmpty(enp.getSpec().destinationSecrets),
                orEmpty(enp.getSpec().templateBodies));
    }

    @Override
    public ProtectionStatus newStatus() {
        return new ProtectionStatus();
    }

    @Override
    public EventNotificationsProtection newResource() {
        return new EventNotificationsProtection();
    }

    @Override
    public Set<String> materialSecretNames(EventNotificationsProtection enp) {
        EventNotificationsProtectionSpec spec = enp.getSpec();
        Set<String> names = new HashSet<>();
        orEmpty(spec.destinationSecrets).forEach(d -> names.add(d.secretName));
        orEmpty(spec.templateBodies).stream()
                .map(t -> t.secretName)
                .filter(Objects::nonNull)
                .forEach(names::add);
        return names;
    }

    @Override
    public Set<String> configMapNames(EventNotificationsProtection enp) {
        return orEmpty(enp.getSpec().templateBodies).stream()
                .map((TemplateBodyRef t) -> t.configMapName)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
