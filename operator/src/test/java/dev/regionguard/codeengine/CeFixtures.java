package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.simulator.IbmCloudSimulator;
import dev.regionguard.sync.Json;
import dev.regionguard.testing.SimulatorClients;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Two simulated Code Engine projects, a primary in eu-de and a standby in eu-gb; clients for the
 * stores under test, seen through {@link CeWire}; and a user with a client of their own, who seeds
 * the primary with create bodies as people send them and changes resources in the meantime.
 */
final class CeFixtures {
    static final ApiKey KEY = new ApiKey("api-key-for-ce-tests-0123");
    static final String PRIMARY = "4e49b3e0-27a8-48d2-a784-c7ee48bb863b";
    static final String STANDBY = "9a1c2d3e-0000-4b5c-8d7e-6f5a4b3c2d1e";
    static final String PRIMARY_REGION = "eu-de";
    static final String STANDBY_REGION = "eu-gb";
    static final CeEntityStore.Settings WAITS =
            new CeEntityStore.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5));
    static final String DB_PASSWORD = "S3cr3t-db-password-0042";
    static final String REGISTRY_PASSWORD = "registry-password-value-7781";
    static final String TLS_KEY = "tls-private-key-value-5523";
    static final String HMAC_SECRET = "hmac-secret-access-key-3319";

    final IbmCloudSimulator simulator;
    final CeWire wire = new CeWire();
    final CodeEngineClients clients;
    private final CodeEngineClients user;

    CeFixtures(IbmCloudSimulator simulator) {
        this.simulator = simulator;
        simulator.createCodeEngineProject(PRIMARY_REGION, PRIMARY);
        simulator.createCodeEngineProject(STANDBY_REGION, STANDBY);
        this.clients = SimulatorClients.codeEngine(simulator, wire);
        this.user = SimulatorClients.codeEngine(simulator, null);
    }

    static String region(String project) {
        return project.equals(PRIMARY) ? PRIMARY_REGION : STANDBY_REGION;
    }

    /** A client of the stores under test: its calls show in {@link #wire}. */
    CodeEngineClient client(String project) {
        return clients.forProject(region(project), project, KEY);
    }

    CeEntityStore store(String project) {
        return new CeEntityStore(client(project), WAITS);
    }

    // --- the user ---------------------------------------------------------------------------------

    private CodeEngineClient userClient(String project) {
        return user.forProject(region(project), project, KEY);
    }

    /** The resource as a GET shows it now, or null when there is none. */
    ObjectNode resource(String project, CeKind kind, String nameOrId) {
        try {
            return userClient(project).get(kind, nameOrId);
        } catch (IbmApiException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    List<ObjectNode> resources(String project, CeKind kind) {
        return userClient(project).list(kind);
    }

    /** Creates a resource as a user would, e.g. to seed the primary; returns it. */
    ObjectNode seed(String project, CeKind kind, String createBody) {
        return userClient(project).create(kind, Json.of(createBody));
    }

    /**
     * Changes a resource as another writer would: with the kind's verb and the current entity tag,
     * or, for kinds without updates, by deleting it and creating it again.
     */
    void change(String project, CeKind kind, String name, Consumer<ObjectNode> change) {
        CodeEngineClient client = userClient(project);
        ObjectNode current = client.get(kind, name);
        ObjectNode before = CeNormal.createBody(current);
        ObjectNode after = before.deepCopy();
        change.accept(after);
        String tag = CeJson.text(current, "entity_tag");
        switch (kind.updateStyle()) {
            case PUT -> client.update(kind, name, after.without("name"), tag);
            case MERGE_PATCH -> client.update(kind, name, MergePatch.between(before, after), tag);
            case NONE -> replace(project, kind, name, change);
        }
    }

    /** Deletes the resource and, once it is gone, creates it again with the change. */
    void replace(String project, CeKind kind, String name, Consumer<ObjectNode> change) {
        CodeEngineClient client = userClient(project);
        ObjectNode body = CeNormal.createBody(client.get(kind, name));
        change.accept(body);
        delete(project, kind, name);
        client.create(kind, body);
    }

    /** Deletes the resource and waits until it is gone. */
    void delete(String project, CeKind kind, String name) {
        CodeEngineClient client = userClient(project);
        client.delete(kind, name);
        client.awaitDeleted(kind, name, Duration.ofSeconds(5));
    }

    /** Every kind at least once, secrets in each interesting format. */
    void seedPrimary() {
        String project = PRIMARY;
        seed(
                project,
                CeKind.SECRET,
                "{\"name\":\"db-credentials\",\"format\":\"generic\"," + "\"data\":{\"password\":\"" + DB_PASSWORD
                        + "\",\"user\":\"app\"}}");
        seed(
                project,
                CeKind.SECRET,
                "{\"name\":\"icr-pull\",\"format\":\"registry\",\"data\":{\"username\":"
                        + "\"iamapikey\",\"password\":\"" + REGISTRY_PASSWORD
                        + "\",\"server\":\"private.de.icr.io\",\"email\":\"\"}}");
        seed(
                project,
                CeKind.SECRET,
                "{\"name\":\"www-tls\",\"format\":\"tls\",\"data\":{\"tls_cert\":"
                        + "\"-----BEGIN CERTIFICATE-----\\nMIIB\",\"tls_key\":\"" + TLS_KEY + "\"}}");
        seed(
                project,
                CeKind.SECRET,
                "{\"name\":\"cos-access\",\"format\":\"service_access\",\"service_access\":"
                        + "{\"resource_key\":{\"id\":\"rk-1\"},\"role\":{\"crn\":\"crn:v1:bluemix:public:iam::::serviceRole:Writer\"},"
                        + "\"service_instance\":{\"id\":\"si-1\"}}}");
        seed(
                project,
                CeKind.SECRET,
                "{\"name\":\"ce-operator\",\"format\":\"service_operator\",\"service_operator\":"
                        + "{\"resource_group_ids\":[\"rg-1\"],\"serviceid\":{\"id\":\"ServiceId-1\"}}}");
        seed(
                project,
                CeKind.SECRET,
                "{\"name\":\"cos-hmac\",\"format\":\"hmac_auth\",\"data\":{\"access_key_id\":\"key-id-1\","
                        + "\"secret_access_key\":\"" + HMAC_SECRET + "\"}}");
        seed(
                project,
                CeKind.CONFIG_MAP,
                "{\"name\":\"app-config\",\"data\":{\"LOG_LEVEL\":\"info\",\"FEATURE_X\":\"on\"}}");
        seed(
                project,
                CeKind.PERSISTENT_DATA_STORE,
                "{\"name\":\"reports\",\"storage_type\":\"object_storage\","
                        + "\"data\":{\"bucket_location\":\"eu-de\",\"bucket_name\":\"reports-bucket\",\"secret_name\":\"cos-hmac\"}}");
        seed(
                project,
                CeKind.ALLOWED_OUTBOUND_DESTINATION,
                "{\"name\":\"corp-net\",\"type\":\"cidr_block\",\"cidr_block\":\"10.10.0.0/16\"}");
        seed(
                project,
                CeKind.BUILD,
                "{\"name\":\"api-build\",\"output_image\":\"private.de.icr.io/ns/api\","
                        + "\"output_secret\":\"icr-pull\",\"strategy_type\":\"dockerfile\",\"source_type\":\"git\","
                        + "\"source_url\":\"https://github.com/example/api\",\"strategy_size\":\"medium\",\"timeout\":600}");
        seed(project, CeKind.APP, app("api", "icr.io/codeengine/helloworld"));
        seed(
                project,
                CeKind.JOB,
                "{\"name\":\"nightly\",\"image_reference\":\"icr.io/codeengine/firstjob\","
                        + "\"run_mode\":\"task\",\"scale_array_spec\":\"0-4\",\"scale_retry_limit\":3,"
                        + "\"run_volume_mounts\":[{\"type\":\"persistent_data_store\",\"reference\":\"reports\",\"mount_path\":\"/reports\"}]}");
        seed(
                project,
                CeKind.FUNCTION,
                "{\"name\":\"hook\",\"runtime\":\"nodejs-20\",\"code_reference\":"
                        + "\"data:text/plain;base64,ZnVuY3Rpb24gbWFpbigpIHt9\",\"code_main\":\"main\",\"scale_max_execution_time\":60}");
        seed(
                project,
                CeKind.BINDING,
                "{\"component\":{\"name\":\"api\",\"resource_type\":\"app_v2\"},"
                        + "\"prefix\":\"COS\",\"secret_name\":\"cos-access\"}");
        seed(
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
