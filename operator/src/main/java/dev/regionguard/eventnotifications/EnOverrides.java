package dev.regionguard.eventnotifications;

import dev.regionguard.api.EnIntegrationOverride;
import dev.regionguard.api.EnRegionalOverrides;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.RegionalName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared Event Notifications overrides as the translation step reads them for one target
 * region. On a standby: per integration type, the {@code metadata} fields that replace the
 * primary's; per Code Engine project, what {@code ibmce} destinations target ({@link
 * EnCodeEngineTargets}). On the primary's own region, written to after a failover: its integrations
 * keep their own {@code metadata} (the primary's Key Protect, HPCS or COS, which the spec does not
 * name) and {@code ibmce} targets go back to the primary's projects. Endpoints are IBM's public
 * hosts for the (validated) region, never a host from the spec.
 */
public final class EnOverrides {
    /** Entity type name to the one field the target keeps as its own; never copied, never compared. */
    static final String OWN_FIELDS = "ownField";

    private EnOverrides() {}

    /**
     * @param region the target's region
     * @param primaryRegion the protection's primary region
     * @param declared standby region to its declared overrides
     * @param protectedProjects the Code Engine projects protected in the same namespace, by region
     */
    public static Overrides of(
            String region,
            String primaryRegion,
            Map<String, EnRegionalOverrides> declared,
            List<RegionalName> protectedProjects) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        tables.put(EnCodeEngineTargets.PROTECTED_PROJECTS, RegionalName.table(protectedProjects, region));
        EnCodeEngineTargets.declare(tables, region, primaryRegion, declared);
        if (region.equals(primaryRegion)) {
            tables.put(OWN_FIELDS, Map.of(EnEntityTypes.INTEGRATION, "metadata"));
        }
        EnRegionalOverrides own = declared.get(region);
        if (own != null && own.integrations != null) {
            for (EnIntegrationOverride o : own.integrations) {
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
