package dev.regionguard.codeengine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Create bodies as a user would send them to the primary, per kind, in restore order. */
final class CeFixtures {
    static final String DB_PASSWORD = "S3cr3t-db-password-0042";
    static final String REGISTRY_PASSWORD = "registry-password-value-7781";
    static final String TLS_KEY = "tls-private-key-value-5523";

    private CeFixtures() {}

    static Map<String, CeKind> kindOfType() {
        Map<String, CeKind> kinds = new LinkedHashMap<>();
        kinds.put(CeEntityTypes.SECRET, CeKind.SECRET);
        kinds.put(CeEntityTypes.CONFIG_MAP, CeKind.CONFIG_MAP);
        kinds.put(CeEntityTypes.PERSISTENT_DATA_STORE, CeKind.PERSISTENT_DATA_STORE);
        kinds.put(CeEntityTypes.ALLOWED_OUTBOUND_DESTINATION, CeKind.ALLOWED_OUTBOUND_DESTINATION);
        kinds.put(CeEntityTypes.BUILD, CeKind.BUILD);
        kinds.put(CeEntityTypes.APP, CeKind.APP);
        kinds.put(CeEntityTypes.JOB, CeKind.JOB);
        kinds.put(CeEntityTypes.FUNCTION, CeKind.FUNCTION);
        kinds.put(CeEntityTypes.BINDING, CeKind.BINDING);
        return kinds;
    }

    /** Every kind at least once, secrets in each interesting format. */
    static void seedPrimary(FakeCodeEngine ce, String project) {
        ce.seed(
                project,
                CeKind.SECRET,
                "{\"name\":\"db-credentials\",\"format\":\"generic\"," + "\"data\":{\"password\":\"" + DB_PASSWORD
                        + "\",\"user\":\"app\"}}");
        ce.seed(
                project,
                CeKind.SECRET,
                "{\"name\":\"icr-pull\",\"format\":\"registry\",\"data\":{\"username\":"
                        + "\"iamapikey\",\"password\":\"" + REGISTRY_PASSWORD
                        + "\",\"server\":\"private.de.icr.io\",\"email\":\"\"}}");
        ce.seed(
                project,
                CeKind.SECRET,
                "{\"name\":\"www-tls\",\"format\":\"tls\",\"data\":{\"tls_cert\":"
                        + "\"-----BEGIN CERTIFICATE-----\\nMIIB\",\"tls_key\":\"" + TLS_KEY + "\"}}");
        ce.seed(
                project,
                CeKind.SECRET,
                "{\"name\":\"cos-access\",\"format\":\"service_access\",\"service_access\":"
                        + "{\"resource_key\":{\"id\":\"rk-1\"},\"role\":{\"crn\":\"crn:v1:bluemix:public:iam::::serviceRole:Writer\"},"
                        + "\"service_instance\":{\"id\":\"si-1\"}}}");
        ce.seed(
                project,
                CeKind.SECRET,
                "{\"name\":\"ce-operator\",\"format\":\"service_operator\",\"service_operator\":"
                        + "{\"resource_group_ids\":[\"rg-1\"],\"serviceid\":{\"id\":\"ServiceId-1\"}}}");
        ce.seed(
                        project,
                        CeKind.SECRET,
                        "{\"name\":\"ce-auto-icr-private-eu-de\",\"format\":\"registry\","
                                + "\"data\":{\"username\":\"iamapikey\",\"password\":\"system-made-password\",\"server\":\"private.de.icr.io\"}}")
                .put("generated_by", "system");
        ce.seed(
                project,
                CeKind.CONFIG_MAP,
                "{\"name\":\"app-config\",\"data\":{\"LOG_LEVEL\":\"info\",\"FEATURE_X\":\"on\"}}");
        ce.seed(
                project,
                CeKind.PERSISTENT_DATA_STORE,
                "{\"name\":\"reports\",\"storage_type\":\"object_storage\","
                        + "\"data\":{\"bucket_location\":\"eu-de\",\"bucket_name\":\"reports-bucket\",\"secret_name\":\"db-credentials\"}}");
        ce.seed(
                project,
                CeKind.ALLOWED_OUTBOUND_DESTINATION,
                "{\"name\":\"corp-net\",\"type\":\"cidr_block\",\"cidr_block\":\"10.10.0.0/16\"}");
        ce.seed(
                project,
                CeKind.BUILD,
                "{\"name\":\"api-build\",\"output_image\":\"private.de.icr.io/ns/api\","
                        + "\"output_secret\":\"icr-pull\",\"strategy_type\":\"dockerfile\",\"source_type\":\"git\","
                        + "\"source_url\":\"https://github.com/example/api\",\"strategy_size\":\"medium\",\"timeout\":600}");
        ce.seed(project, CeKind.APP, app("api", "icr.io/codeengine/helloworld"));
        ce.seed(
                project,
                CeKind.JOB,
                "{\"name\":\"nightly\",\"image_reference\":\"icr.io/codeengine/firstjob\","
                        + "\"run_mode\":\"task\",\"scale_array_spec\":\"0-4\",\"scale_retry_limit\":3,"
                        + "\"run_volume_mounts\":[{\"type\":\"persistent_data_store\",\"reference\":\"reports\",\"mount_path\":\"/reports\"}]}");
        ce.seed(
                project,
                CeKind.FUNCTION,
                "{\"name\":\"hook\",\"runtime\":\"nodejs-20\",\"code_reference\":"
                        + "\"data:text/plain;base64,ZnVuY3Rpb24gbWFpbigpIHt9\",\"code_main\":\"main\",\"scale_max_execution_time\":60}");
        ce.seed(
                project,
                CeKind.BINDING,
                "{\"component\":{\"name\":\"api\",\"resource_type\":\"app_v2\"},"
                        + "\"prefix\":\"COS\",\"secret_name\":\"cos-access\"}");
        ce.seed(
                project,
                CeKind.DOMAIN_MAPPING,
                "{\"name\":\"www.example.com\",\"component\":{\"name\":\"api\","
                        + "\"resource_type\":\"app_v2\"},\"tls_secret\":\"www-tls\"}");
    }

    /** An app with env vars, a mount, a probe and a warm scaling of 2..20 (initial 3). */
    static String app(String name, String image) {
        return "{\"name\":\"" + name + "\",\"image_reference\":\"" + image + "\",\"image_secret\":\"icr-pull\","
                + "\"run_env_variables\":[{\"type\":\"literal\",\"name\":\"MODE\",\"value\":\"prod\"},"
                + "{\"type\":\"secret_key_reference\",\"name\":\"DB_PASSWORD\",\"reference\":\"db-credentials\",\"key\":\"password\"}],"
                + "\"run_volume_mounts\":[{\"type\":\"config_map\",\"reference\":\"app-config\",\"mount_path\":\"/config\","
                + "\"read_only\":true}],\"scale_min_instances\":2,\"scale_max_instances\":20,\"scale_initial_instances\":3,"
                + "\"scale_cpu_limit\":\"1\",\"scale_memory_limit\":\"4G\","
                + "\"probe_readiness\":{\"type\":\"http\",\"path\":\"/health\",\"port\":8080}}";
    }
}
