package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.AppScalingRecord;
import dev.regionguard.api.CeRegionalOverrides;
import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.DomainMappingRecord;
import dev.regionguard.api.EdgeSpec;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.QuorumSpec;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.controller.protection.PassReads;
import dev.regionguard.controller.protection.ProtectionReconciler;
import dev.regionguard.controller.protection.ProtectionServices;
import dev.regionguard.controller.protection.Sides;
import dev.regionguard.controller.protection.StandbyRef;
import dev.regionguard.controller.protection.SyncReporter;
import dev.regionguard.edge.CisClients;
import dev.regionguard.failover.VantageQuorum;
import dev.regionguard.health.EdgeConfiguration;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.SyncEngine;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
    /** The vantage name of CIS's health checks in spec.failover.quorum.witnesses. */
    public static final String CIS = "cis";

    private static final Logger LOG = LoggerFactory.getLogger(CodeEngineProtectionReconciler.class);

    private final CodeEngineClients clients;
    private final CeEntityStore.Settings storeSettings;
    private final CeEdge edge;

    /** @param probeClients clients without retries, for health probes */
    public CodeEngineProtectionReconciler(
            CodeEngineClients clients,
            CodeEngineClients probeClients,
            CisClients cis,
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
                new CeFailoverActions(clients, cis),
                new CeRegionProbe(probeClients),
                new CeStandbyVerifier(clients));
        this.clients = clients;
        this.storeSettings = storeSettings;
        this.edge = new CeEdge(cis);
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
        Map<String, CeRegionalOverrides> declared = new HashMap<>();
        standbys.stream()
                .filter(s -> s.regionalOverrides != null)
                .forEach(s -> declared.put(s.region, s.regionalOverrides));
        return CeOverrides.of(region, cep.getSpec().primary.region, declared);
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

    /**
     * The domains of the active and every standby project, and the active project's scaling, kept
     * in status so a failover never needs to ask the old region (fenced projects are not listed).
     */
    @Override
    public Consumer<CodeEngineProtectionStatus> statusExtras(
            CodeEngineProtection cep, CodeEngineProtectionStatus previous, Sides sides) {
        CodeEngineClient active =
                clients.forProject(sides.source().region(), sides.source().id(), sides.sourceKey());
        Map<String, CodeEngineClient> projects = new LinkedHashMap<>();
        projects.put(sides.source().region(), active);
        sides.targets()
                .forEach(side -> projects.put(
                        side.region(),
                        clients.forProject(
                                side.region(), side.id(), sides.keys().get(side.region()))));
        List<DomainMappingRecord> before = previous.domainMappings == null ? List.of() : previous.domainMappings;
        List<DomainMappingRecord> domains = CeDomainMappings.observe(projects, before);
        List<AppScalingRecord> scaling;
        try {
            scaling = active.list(CeKind.APP).stream()
                    .map(CodeEngineProtectionReconciler::scaling)
                    .sorted(Comparator.comparing(a -> a.app))
                    .toList();
        } catch (IbmApiException e) {
            LOG.debug("keeping the last recorded scaling: {}", e.summary());
            scaling = previous.appScaling;
        }
        List<AppScalingRecord> recordedScaling = scaling;
        return next -> {
            next.domainMappings = domains;
            next.appScaling = recordedScaling;
        };
    }

    /** Passes that did not sync keep what the last one recorded. */
    @Override
    public Consumer<CodeEngineProtectionStatus> keptExtras(CodeEngineProtectionStatus previous) {
        return next -> {
            next.domainMappings = previous.domainMappings;
            next.appScaling = previous.appScaling;
            next.edge = previous.edge;
            CeEdgeReport.carry(next, previous);
        };
    }

    /**
     * The CIS load balancer, read once in every pass (every health check interval): status.edge shows
     * CIS's health of each region during an outage too (CNAME targets as the last sync recorded them),
     * and, when the quorum names {@code cis}, that health is a vantage point. CIS not answering is
     * reported and gives no vantage point (not fresh).
     */
    @Override
    public PassReads<CodeEngineProtectionStatus> passReads(
            CodeEngineProtection cep, CodeEngineProtectionStatus previous, Sides sides, Instant now) {
        List<DomainMappingRecord> domains = previous.domainMappings == null ? List.of() : previous.domainMappings;
        Optional<EdgeSpec> spec = CeEdge.of(cep);
        if (spec.isEmpty()) {
            return new PassReads<>(CeEdgeReport::remove, List.of());
        }
        String active = sides.source().region();
        Set<String> fenced = new TreeSet<>(sides.byRegion().keySet());
        fenced.remove(active);
        sides.targets().forEach(t -> fenced.remove(t.region()));
        try {
            EdgeConfiguration.Verdict verdict = edge.check(spec.get(), sides.sourceKey(), domains, active, fenced);
            List<VantageQuorum.Report> views = countsCis(cep)
                    ? List.of(new VantageQuorum.Report(CIS, now, CeEdge.health(verdict.status())))
                    : List.of();
            return new PassReads<>(next -> CeEdgeReport.report(next, verdict.status(), verdict.condition()), views);
        } catch (IbmApiException e) {
            LOG.debug("CIS did not answer: {}", e.summary());
            return new PassReads<>(next -> CeEdgeReport.unreachable(next, previous, e.summary()), List.of());
        }
    }

    private static boolean countsCis(CodeEngineProtection cep) {
        QuorumSpec quorum = cep.getSpec().failover == null ? null : cep.getSpec().failover.quorum;
        return quorum != null && quorum.witnesses != null && quorum.witnesses.contains(CIS);
    }

    private static AppScalingRecord scaling(ObjectNode app) {
        CeScaling s = CeScaling.of(app);
        return new AppScalingRecord(
                app.path("name").asText(), s.minInstances(), s.maxInstances(), s.initialInstances());
    }
}
