package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.AppScalingRecord;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.DomainMappingRecord;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.controller.protection.FailoverActions;
import dev.regionguard.edge.CisClients;
import dev.regionguard.spec.ProtectedSide;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failover for Code Engine (its probe is {@link CeRegionProbe}). Fence ({@link CeFence}): the old
 * side's apps project-only at 0 instances, its domain mappings deleted; unfence restores what the
 * fence recorded. With spec.edge, the old side's CIS pool is disabled first, outside the region.
 * Activate: restore the scaling recorded in status (cold standbys run at 0) and create any of the
 * active project's recorded domain mappings the new side lacks (the sync stages them), all from the
 * protection's status, never from the old region; with spec.edge, steer the edge to the new side.
 */
public final class CeFailoverActions implements FailoverActions<CodeEngineProtection> {
    private static final Logger LOG = LoggerFactory.getLogger(CeFailoverActions.class);
    /** In a fence record: whether the side's pool at the edge took traffic before the fence. */
    static final String EDGE_POOL = "edge.pool";

    private final CodeEngineClients clients;
    private final CeEdge edge;

    public CeFailoverActions(CodeEngineClients clients, CisClients cis) {
        this.clients = clients;
        this.edge = new CeEdge(cis);
    }

    @Override
    public Map<String, String> fenceOriginals(CodeEngineProtection protection, ProtectedSide side, ApiKey key) {
        return CeFence.originals(clients.forProject(side.region(), side.id(), key));
    }

    @Override
    public String fence(CodeEngineProtection protection, ProtectedSide side, ApiKey key) {
        return CeFence.fence(clients.forProject(side.region(), side.id(), key)) + " on " + side.region();
    }

    @Override
    public String unfence(
            CodeEngineProtection protection, ProtectedSide side, ApiKey key, Map<String, String> original) {
        return CeFence.unfence(clients.forProject(side.region(), side.id(), key), original) + " on " + side.region();
    }

    @Override
    public boolean fencesOutside(CodeEngineProtection protection) {
        return CeEdge.of(protection).isPresent();
    }

    /** With spec.edge: whether the side's pool at the CIS edge takes traffic. */
    @Override
    public Map<String, String> outsideOriginals(CodeEngineProtection protection, ProtectedSide side, ApiKey key) {
        return CeEdge.of(protection)
                .flatMap(spec -> edge.enabled(spec, side.region(), key))
                .map(on -> Map.of(EDGE_POOL, on.toString()))
                .orElse(Map.of());
    }

    /** With spec.edge: the side's pool disabled at the CIS edge, which answers while the region does not. */
    @Override
    public String fenceOutside(CodeEngineProtection protection, ProtectedSide side, ApiKey key) {
        return CeEdge.of(protection)
                .map(spec -> edge.setEnabled(spec, side.region(), key, false))
                .orElse("");
    }

    /** With spec.edge: the side's pool as it was (enabled when that was not recorded: the side stays active). */
    @Override
    public String unfenceOutside(
            CodeEngineProtection protection, ProtectedSide side, ApiKey key, Map<String, String> original) {
        boolean enabled = !"false".equals(original.get(EDGE_POOL));
        return CeEdge.of(protection)
                .map(spec -> edge.setEnabled(spec, side.region(), key, enabled))
                .orElse("");
    }

    @Override
    public Map<String, String> activate(CodeEngineProtection protection, ProtectedSide side, ApiKey key) {
        CodeEngineClient client = clients.forProject(side.region(), side.id(), key);
        restoreScaling(protection, client);
        CodeEngineProtectionStatus status = protection.getStatus();
        List<DomainMappingRecord> mappings = status == null
                ? List.of()
                : CeDomainMappings.of(status.domainMappings, String.valueOf(status.activeRegion));
        for (DomainMappingRecord mapping : mappings) { // the sync staged them already: this fills gaps
            ObjectNode body = CeJson.NODES.objectNode().put("name", mapping.name);
            body.putObject("component").put("name", mapping.app).put("resource_type", "app_v2");
            if (mapping.tlsSecret != null) {
                body.put("tls_secret", mapping.tlsSecret);
            }
            try {
                client.create(CeKind.DOMAIN_MAPPING, body);
            } catch (IbmApiException e) {
                if (e.category() != ErrorCategory.CONFLICT) { // 409: created by an earlier attempt
                    throw e;
                }
            }
        }
        Map<String, String> data = new TreeMap<>();
        data.put("projectId", side.id());
        for (ObjectNode app : client.list(CeKind.APP)) {
            String endpoint = CeJson.text(app, "endpoint");
            if (endpoint != null) {
                data.put("app." + app.path("name").asText(), endpoint);
            }
        }
        for (ObjectNode mapping : client.list(CeKind.DOMAIN_MAPPING)) {
            data.put(
                    "domain." + mapping.path("name").asText(),
                    mapping.path("cname_target").asText());
        }
        CeEdge.of(protection).ifPresent(spec -> {
            LOG.info("{}", edge.steerTo(spec, side.region(), key));
            data.put("edge." + spec.loadBalancer, side.region());
        });
        return data;
    }

    /** Sets the recorded scaling on every app that differs (merge patch with If-Match), idempotently. */
    private static void restoreScaling(CodeEngineProtection protection, CodeEngineClient client) {
        CodeEngineProtectionStatus status = protection.getStatus();
        List<AppScalingRecord> records = status == null || status.appScaling == null ? List.of() : status.appScaling;
        for (AppScalingRecord record : records) {
            ObjectNode app = client.get(CeKind.APP, record.app);
            CeScaling wanted = new CeScaling(record.minInstances, record.maxInstances, record.initialInstances);
            if (!wanted.equals(CeScaling.of(app))) {
                client.update(
                        CeKind.APP,
                        record.app,
                        wanted.toMergePatch(),
                        app.path("entity_tag").asText("*"));
            }
        }
    }
}
