package dev.regionguard.eventnotifications;

import dev.regionguard.api.EnIntegrationOverride;
import dev.regionguard.api.EnRegionalOverrides;
import dev.regionguard.sync.Overrides;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A standby's declared Event Notifications overrides as the translation step reads them: per
 * integration type, the {@code metadata} fields that replace the primary's; per Code Engine
 * project, what {@code ibmce} destinations target instead ({@link EnCodeEngineTargets}). Endpoints are IBM's
 * public hosts for the standby's (validated) region, never a host from the spec.
 */
public final class EnOverrides {

    private EnOverrides() {}

    /**
     * @param protectedProjects primary project ID to standby project ID in {@code region}, of the
     *     Code Engine projects protected in the same namespace
     */
    public static Overrides of(String region, EnRegionalOverrides declared, Map<String, String> protectedProjects) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        tables.put(EnCodeEngineTargets.PROTECTED_PROJECTS, protectedProjects);
        if (declared != null && declared.codeEngineProjects != null) {
            EnCodeEngineTargets.declare(tables, declared.codeEngineProjects);
        }
        if (declared != null && declared.integrations != null) {
            for (EnIntegrationOverride o : declared.integrations) {
                Map<String, String> metadata = new LinkedHashMap<>();
                metadata.put("endpoint", endpoint(o, region));
                metadata.put("crn", o.crn);
                if (o.rootKeyId != null) {
                    metadata.put("root_key_id", o.rootKeyId);
                }
                if (o.bucketName != null) {
                    metadata.put("bucket_name", o.bucketName);
                }
                tables.put(integrationTable(o.type), metadata);
            }
        }
        return new Overrides(region, tables);
    }

    static String integrationTable(String type) {
        return "integration:" + type;
    }

    /** IBM's endpoint of the service in {@code region}: Key Protect, HPCS (per-instance port) or COS. */
    static String endpoint(EnIntegrationOverride o, String region) {
        return switch (o.type) {
            case "hs-crypto" -> "https://api." + region + ".hs-crypto.cloud.ibm.com:" + o.port;
            case "collect_failed_events" -> "https://s3." + region + ".cloud-object-storage.appdomain.cloud";
            default -> "https://" + region + ".kms.cloud.ibm.com";
        };
    }
}
