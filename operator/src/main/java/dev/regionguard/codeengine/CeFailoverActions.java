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
import dev.regionguard.spec.ProtectedSide;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Failover for Code Engine (its probe is {@link CeRegionProbe}). Fence: scale the old side's apps to 0 and delete its domain mappings. Activate:
 * restore the scaling recorded in status (cold standbys run at 0) and create the recorded domain
 * mappings, all from the protection's status, never from the old region.
 */
public final class CeFailoverActions implements FailoverActions<CodeEngineProtection> {
    private final CodeEngineClients clients;

    public CeFailoverActions(CodeEngineClients clients) {
        this.clients = clients;
    }

    @Override
    public String fence(CodeEngineProtection protection, ProtectedSide side, ApiKey key) {
        CodeEngineClient client = clients.forProject(side.region(), side.id(), key);
        int scaled = 0;
        for (ObjectNode app : client.list(CeKind.APP)) {
            CeScaling current = CeScaling.of(app);
            if (current.minInstances() != 0 || current.initialInstances() != 0) {
                client.update(
                        CeKind.APP,
                        app.path("name").asText(),
                        new CeScaling(0, current.maxInstances(), 0).toMergePatch(),
                        app.path("entity_tag").asText("*"));
                scaled++;
            }
        }
        int deleted = 0;
        for (ObjectNode mapping : client.list(CeKind.DOMAIN_MAPPING)) {
            client.delete(CeKind.DOMAIN_MAPPING, mapping.path("name").asText());
            deleted++;
        }
        return "scaled " + scaled + " apps to 0 and deleted " + deleted + " domain mappings on " + side.region();
    }

    @Override
    public String unfence(
            CodeEngineProtection protection,
            ProtectedSide side,
            ApiKey key,
            ProtectedSide reference,
            ApiKey referenceKey) {
        restoreScaling(protection, clients.forProject(side.region(), side.id(), key));
        return "restored app scaling on " + side.region();
    }

    @Override
    public Map<String, String> activate(CodeEngineProtection protection, ProtectedSide side, ApiKey key) {
        CodeEngineClient client = clients.forProject(side.region(), side.id(), key);
        restoreScaling(protection, client);
        CodeEngineProtectionStatus status = protection.getStatus();
        List<DomainMappingRecord> mappings =
                status == null || status.domainMappings == null ? List.of() : status.domainMappings;
        for (DomainMappingRecord mapping : mappings) {
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
