package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.AppScalingRecord;
import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.DomainMappingRecord;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.controller.protection.ProtectionReconciler;
import dev.regionguard.controller.protection.ProtectionServices;
import dev.regionguard.controller.protection.Sides;
import dev.regionguard.controller.protection.StandbyRef;
import dev.regionguard.controller.protection.SyncReporter;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.SyncEngine;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the standby projects of a {@link CodeEngineProtection} ready to take its workloads.
 * Code Engine specifics: projects, warm or cold standby apps, and the record of what a failover
 * must move without asking the old region (custom domains, app scaling).
 */
@ControllerConfiguration(name = "codeengineprotection")
public class CodeEngineProtectionReconciler
        extends ProtectionReconciler<CodeEngineProtection, CodeEngineProtectionStatus> {
    private static final Logger LOG = LoggerFactory.getLogger(CodeEngineProtectionReconciler.class);

    private final CodeEngineClients clients;
    private final CeEntityStore.Settings storeSettings;

    /** @param probeClients clients without retries, for health probes */
    public CodeEngineProtectionReconciler(
            CodeEngineClients clients,
            CodeEngineClients probeClients,
            CeEntityStore.Settings storeSettings,
            SyncEngine engine,
            SyncReporter reporter,
            Clock clock,
            ProtectionServices services) {
        super(
                engine,
                reporter,
                clock,
                services,
                new CeFailoverActions(clients),
                new CeRegionProbe(probeClients),
                new CeStandbyVerifier(clients));
        this.clients = clients;
        this.storeSettings = storeSettings;
    }

    @Override
    public ProtectionKind kind() {
        return ProtectionKind.CodeEngineProtection;
    }

    @Override
    public String endpoint(Endpoints endpoints, String region) {
        return endpoints.codeEngine(region);
    }

    @Override
    public List<EntityType> entityTypes(CodeEngineProtection cep) {
        return CeEntityTypes.all(
                cep.getSpec().standbyMode == null
                        ? new CodeEngineProtectionSpec().standbyMode
                        : cep.getSpec().standbyMode);
    }

    @Override
    public EntityStore store(CodeEngineProtection cep, ProtectedSide side, ApiKey key) {
        return new CeEntityStore(clients.forProject(side.region(), side.id(), key), storeSettings);
    }

    @Override
    public Overrides overrides(CodeEngineProtection cep, String region) {
        List<CeStandby> standbys = cep.getSpec().standbys == null ? List.of() : cep.getSpec().standbys;
        return CeOverrides.of(
                region,
                standbys.stream()
                        .filter(s -> region.equals(s.region))
                        .map(s -> s.regionalOverrides)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null));
    }

    @Override
    public StandbyRef standbyRef(ProtectedSide side) {
        return new StandbyRef(side.region(), null, side.id());
    }

    @Override
    public CodeEngineProtectionStatus newStatus() {
        return new CodeEngineProtectionStatus();
    }

    @Override
    public CodeEngineProtection newResource() {
        return new CodeEngineProtection();
    }

    /** The active project's domains and scaling, kept in status so a failover never needs to ask it. */
    @Override
    public Consumer<CodeEngineProtectionStatus> statusExtras(
            CodeEngineProtection cep, CodeEngineProtectionStatus previous, Sides sides) {
        CodeEngineClient active =
                clients.forProject(sides.source().region(), sides.source().id(), sides.sourceKey());
        List<DomainMappingRecord> domains;
        List<AppScalingRecord> scaling;
        try {
            domains = active.list(CeKind.DOMAIN_MAPPING).stream()
                    .map(CodeEngineProtectionReconciler::domain)
                    .sorted(Comparator.comparing(d -> d.name))
                    .toList();
            scaling = active.list(CeKind.APP).stream()
                    .map(CodeEngineProtectionReconciler::scaling)
                    .sorted(Comparator.comparing(a -> a.app))
                    .toList();
        } catch (IbmApiException e) {
            LOG.debug("keeping the last recorded domains and scaling: {}", e.summary());
            domains = previous.domainMappings;
            scaling = previous.appScaling;
        }
        List<DomainMappingRecord> recordedDomains = domains;
        List<AppScalingRecord> recordedScaling = scaling;
        return next -> {
            next.domainMappings = recordedDomains;
            next.appScaling = recordedScaling;
        };
    }

    private static DomainMappingRecord domain(ObjectNode mapping) {
        return new DomainMappingRecord(
                mapping.path("name").asText(),
                mapping.path("component").path("name").asText(),
                mapping.path("tls_secret").asText(null));
    }

    private static AppScalingRecord scaling(ObjectNode app) {
        CeScaling s = CeScaling.of(app);
        return new AppScalingRecord(
                app.path("name").asText(), s.minInstances(), s.maxInstances(), s.initialInstances());
    }
}
