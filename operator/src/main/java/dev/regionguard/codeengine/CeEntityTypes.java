package dev.regionguard.codeengine;

import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.sync.EntityType;
import java.util.List;
import java.util.Set;

/** The Code Engine types of a sync, in restore order. */
public final class CeEntityTypes {
    public static final String SECRET = "secret";
    public static final String CONFIG_MAP = "config_map";
    public static final String PERSISTENT_DATA_STORE = "persistent_data_store";
    public static final String ALLOWED_OUTBOUND_DESTINATION = "allowed_outbound_destination";
    public static final String BUILD = "build";
    public static final String APP = "app";
    public static final String JOB = "job";
    public static final String FUNCTION = "function";
    public static final String BINDING = "binding";
    public static final String DOMAIN_MAPPING = "domain_mapping";

    /** What apps and jobs reference by name: env vars, mounts and image secrets. */
    private static final Set<String> WORKLOAD_REFERENCES = Set.of(SECRET, CONFIG_MAP, PERSISTENT_DATA_STORE);

    private CeEntityTypes() {}

    /**
     * Every synced type, in restore order. Domain mappings are staged on every standby: a name is
     * unique per region, not across regions, so the standby serves the custom domain before any
     * failover, at its own CNAME target.
     */
    public static List<EntityType> all(CodeEngineStandbyMode mode) {
        return List.of(
                new CeSecretType(),
                new CeEntityType(CONFIG_MAP, CeKind.CONFIG_MAP, Set.of(), true, Set.of()),
                new CeEntityType(PERSISTENT_DATA_STORE, CeKind.PERSISTENT_DATA_STORE, Set.of(SECRET), true, Set.of()),
                new CeEntityType(
                        ALLOWED_OUTBOUND_DESTINATION,
                        CeKind.ALLOWED_OUTBOUND_DESTINATION,
                        Set.of(),
                        true,
                        Set.of("type", "private_path_service_gateway_crn")),
                new CeEntityType(BUILD, CeKind.BUILD, Set.of(SECRET), true, Set.of()),
                new CeAppType(mode),
                new CeEntityType(JOB, CeKind.JOB, WORKLOAD_REFERENCES, true, Set.of()),
                new CeEntityType(FUNCTION, CeKind.FUNCTION, Set.of(SECRET, CONFIG_MAP), true, Set.of()),
                new CeBindingType(),
                new CeEntityType(DOMAIN_MAPPING, CeKind.DOMAIN_MAPPING, Set.of(SECRET, APP), true, Set.of()));
    }
}
