package dev.regionguard.codeengine;

import static dev.regionguard.codeengine.MiniSync.NO_CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.spec.EntitySelection;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Translation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The types without any I/O: keys, normalisation, what is compared, what needs a replace. */
class CeEntityTypesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** CE's recorded app as the primary returns it. */
    private static final String PRIMARY_APP = "{\"name\":\"my-app\",\"id\":\"e33b1cv7-7390-4437-a5c2-130d5ccdddc3\","
            + "\"href\":\"https://api.eu-de.codeengine.cloud.ibm.com/v2/projects/p1/apps/my-app\","
            + "\"project_id\":\"p1\",\"region\":\"eu-de\",\"resource_type\":\"app_v2\",\"entity_tag\":\"2385407409\","
            + "\"created_at\":\"2022-09-13T11:41:35+02:00\",\"endpoint\":\"https://my-app.vg67hzldruk.eu-de.codeengine.appdomain.cloud\","
            + "\"endpoint_internal\":\"http://my-app.vg67hzldruk.svc.cluster.local\",\"image_port\":8080,"
            + "\"image_reference\":\"icr.io/codeengine/helloworld\",\"managed_domain_mappings\":\"local_public\","
            + "\"probe_liveness\":{\"failure_threshold\":5,\"initial_delay\":5,\"interval\":5,\"path\":null,\"port\":8080,"
            + "\"timeout\":300,\"type\":\"tcp\"},\"run_env_variables\":[{\"name\":\"SOME\",\"type\":\"literal\",\"value\":\"VALUE\"}],"
            + "\"run_volume_mounts\":[{\"mount_path\":\"/app\",\"name\":\"codeengine-mount-b69u90\",\"read_only\":true,"
            + "\"reference\":\"my-secret\",\"type\":\"secret\"}],\"computed_env_variables\":[{\"name\":\"CE_APP\",\"value\":\"my-app\"}],"
            + "\"scale_cpu_limit\":\"1\",\"scale_memory_limit\":\"4G\",\"scale_min_instances\":1,\"scale_max_instances\":10,"
            + "\"scale_initial_instances\":1,\"status\":\"ready\",\"status_details\":{\"latest_created_revision\":\"my-app-00001\","
            + "\"latest_ready_revision\":\"my-app-00001\",\"reason\":\"ready\"}}";

    /** The same app as created on a standby: other ids, tags, region, endpoints, mount name. */
    private static final String STANDBY_APP = "{\"name\":\"my-app\",\"id\":\"0d0e0f00-1111-2222-3333-444455556666\","
            + "\"href\":\"https://api.eu-gb.codeengine.cloud.ibm.com/v2/projects/p2/apps/my-app\","
            + "\"project_id\":\"p2\",\"region\":\"eu-gb\",\"resource_type\":\"app_v2\",\"entity_tag\":\"17\","
            + "\"created_at\":\"2026-11-22T10:00:00Z\",\"endpoint\":\"https://my-app.zz.eu-gb.codeengine.appdomain.cloud\","
            + "\"endpoint_internal\":\"http://my-app.zz.svc.cluster.local\",\"image_port\":8080,"
            + "\"image_reference\":\"icr.io/codeengine/helloworld\",\"managed_domain_mappings\":\"local_public\","
            + "\"probe_liveness\":{\"failure_threshold\":5,\"initial_delay\":5,\"interval\":5,\"port\":8080,"
            + "\"timeout\":300,\"type\":\"tcp\"},\"run_env_variables\":[{\"name\":\"SOME\",\"type\":\"literal\",\"value\":\"VALUE\"}],"
            + "\"run_volume_mounts\":[{\"mount_path\":\"/app\",\"name\":\"codeengine-mount-xk2p1q\",\"read_only\":true,"
            + "\"reference\":\"my-secret\",\"type\":\"secret\"}],\"computed_env_variables\":[{\"name\":\"CE_APP\",\"value\":\"x\"}],"
            + "\"build\":null,\"scale_cpu_limit\":\"1\",\"scale_memory_limit\":\"4G\",\"scale_min_instances\":1,"
            + "\"scale_max_instances\":10,\"scale_initial_instances\":1,\"status\":\"deploying\","
            + "\"status_details\":{\"latest_created_revision\":\"my-app-00001\",\"reason\":\"deploying\"}}";

    @Test
    void allTypesComeInRestoreOrderAndCanBeSelected() {
        assertThat(CeEntityTypes.all(CodeEngineStandbyMode.Warm))
                .extracting(EntityType::name)
                .containsExactly(
                        "secret",
                        "config_map",
                        "persistent_data_store",
                        "allowed_outbound_destination",
                        "build",
                        "app",
                        "job",
                        "function",
                        "binding",
                        "domain_mapping");
        assertThat(CeEntityTypes.all(CodeEngineStandbyMode.Warm))
                .extracting(t -> ((CeEntityType) t).kind())
                .containsExactly(CeKind.values());
        assertThat(EntitySelection.named(
                        CeEntityTypes.all(CodeEngineStandbyMode.Cold), List.of("binding", "secret", "app")))
                .extracting(EntityType::name)
                .containsExactly("secret", "app", "binding");
        assertThatThrownBy(() ->
                        EntitySelection.named(CeEntityTypes.all(CodeEngineStandbyMode.Warm), List.of("app", "topic")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[topic]");
        for (EntityType type : CeEntityTypes.all(CodeEngineStandbyMode.Warm)) {
            assertThat(type.dependsOn())
                    .as(type.name() + " depends only on earlier types")
                    .allSatisfy(d -> assertThat(order(d)).isLessThan(order(type.name())));
        }
    }

    @Test
    void aPrimarysAppAndItsCopyOnAStandbyCompareEqual() {
        EntityType apps = type(CodeEngineStandbyMode.Warm, "app");
        Desired desired = write(apps, PRIMARY_APP);

        assertThat(desired.key()).isEqualTo("my-app");
        assertThat(desired.body().has("id")).isFalse();
        assertThat(desired.body().has("entity_tag")).isFalse();
        assertThat(desired.body().has("computed_env_variables")).isFalse();
        assertThat(desired.body().path("run_volume_mounts").path(0).has("name"))
                .as("server-made mount name")
                .isFalse();
        assertThat(desired.body().path("probe_liveness").has("path"))
                .as("nulls dropped")
                .isFalse();
        assertThat(desired.comparable()).isEqualTo(apps.comparable(json(STANDBY_APP), NO_CONTEXT));
        assertThat(apps.changeMarker(json(PRIMARY_APP)))
                .as("the mode is part of what is wanted")
                .isEqualTo("2385407409/warm")
                .isNotEqualTo(type(CodeEngineStandbyMode.Cold, "app").changeMarker(json(PRIMARY_APP)));
        assertThat(type(CodeEngineStandbyMode.Warm, "job").changeMarker(json(PRIMARY_APP)))
                .isEqualTo("2385407409");
        assertThat(apps.listItemComplete()).isTrue();
        assertThat(apps.builtIn(json(PRIMARY_APP))).isFalse();
        assertThat(apps.id(json(PRIMARY_APP))).isEqualTo("my-app");
    }

    @Test
    void aColdStandbyWantsMinZeroAndKeepsEverythingElse() {
        EntityType cold = type(CodeEngineStandbyMode.Cold, "app");
        EntityType warm = type(CodeEngineStandbyMode.Warm, "app");
        ObjectNode primary = json(PRIMARY_APP)
                .put("scale_min_instances", 2)
                .put("scale_max_instances", 20)
                .put("scale_initial_instances", 3);

        Desired desired = write(cold, primary.toString());

        assertThat(desired.body().path("scale_min_instances").asInt()).isZero();
        ObjectNode expected = write(warm, primary.toString()).body().put("scale_min_instances", 0);
        assertThat(desired.body()).isEqualTo(expected);
        ObjectNode coldStandby = json(STANDBY_APP)
                .put("scale_min_instances", 0)
                .put("scale_max_instances", 20)
                .put("scale_initial_instances", 3);
        assertThat(cold.comparable(coldStandby, NO_CONTEXT)).isEqualTo(desired.comparable());
        ObjectNode warmStandby = coldStandby.deepCopy().put("scale_min_instances", 2);
        ObjectNode differing = cold.comparable(warmStandby, NO_CONTEXT);
        assertThat(differing).isNotEqualTo(desired.comparable());
        assertThat(cold.needsReplace(desired, differing)).as("min is patched").isFalse();
        assertThat(CeScaling.of(primary)).isEqualTo(new CeScaling(2, 20, 3));
        assertThat(CeScaling.of(primary).toMergePatch())
                .isEqualTo(
                        json("{\"scale_min_instances\":2,\"scale_max_instances\":20,\"scale_initial_instances\":3}"));
        assertThat(CeScaling.of(json("{\"name\":\"a\"}"))).as("CE defaults").isEqualTo(new CeScaling(0, 10, 1));
    }

    @Test
    void anUpdateIsAMergePatchThatRemovesWhatThePrimaryNoLongerHas() {
        CeEntityType apps = (CeEntityType) type(CodeEngineStandbyMode.Warm, "app");
        ObjectNode primary = json(PRIMARY_APP);
        primary.remove("run_env_variables");
        primary.put("scale_max_instances", 0);
        ((ObjectNode) primary.get("probe_liveness")).put("interval", 10);

        ObjectNode patch = apps.updateBody(json(STANDBY_APP), write(apps, primary.toString()));

        assertThat(patch)
                .isEqualTo(json("{\"run_env_variables\":null,\"scale_max_instances\":0,"
                        + "\"probe_liveness\":{\"interval\":10}}"));
    }

    @Test
    void aPutBodyIsTheWholeResourceWithoutItsName() {
        CeEntityType configMaps = (CeEntityType) type(CodeEngineStandbyMode.Warm, "config_map");
        String primary = "{\"name\":\"cm\",\"id\":\"1\",\"entity_tag\":\"3\",\"region\":\"eu-de\","
                + "\"resource_type\":\"config_map_v2\",\"data\":{\"a\":\"1\",\"b\":\"2\"}}";
        Desired desired = write(configMaps, primary);

        assertThat(desired.body()).isEqualTo(json("{\"name\":\"cm\",\"data\":{\"a\":\"1\",\"b\":\"2\"}}"));
        assertThat(configMaps.updateBody(json("{\"name\":\"cm\",\"data\":{}}"), desired))
                .isEqualTo(json("{\"data\":{\"a\":\"1\",\"b\":\"2\"}}"));
        assertThat(desired.comparable())
                .isEqualTo(
                        configMaps.comparable(
                                json(
                                        "{\"name\":\"cm\",\"id\":\"9\",\"entity_tag\":\"1\",\"region\":\"eu-gb\",\"data\":{\"b\":\"2\",\"a\":\"1\"}}")));
    }

    @Test
    void userSecretsAreCopiedButComparedByADigestOnly() {
        CeEntityType secrets = (CeEntityType) type(CodeEngineStandbyMode.Warm, "secret");
        String primary = "{\"name\":\"db\",\"format\":\"basic_auth\",\"generated_by\":\"user\",\"id\":\"1\","
                + "\"entity_tag\":\"5\",\"resource_type\":\"secret_basic_auth_v2\",\"region\":\"eu-de\",\"project_id\":\"p1\","
                + "\"data\":{\"username\":\"app\",\"password\":\"" + CeFixtures.DB_PASSWORD + "\"}}";
        Desired desired = write(secrets, primary);

        assertThat(desired.body())
                .isEqualTo(json("{\"name\":\"db\",\"format\":\"basic_auth\","
                        + "\"data\":{\"username\":\"app\",\"password\":\"" + CeFixtures.DB_PASSWORD + "\"}}"));
        assertThat(desired.comparable().toString())
                .doesNotContain(CeFixtures.DB_PASSWORD)
                .contains("data_digest");
        assertThat(desired.materialDigest())
                .as("a GET shows the data: nothing write-only")
                .isNull();
        ObjectNode sameOnStandby = json(primary.replace("\"5\"", "\"77\"").replace("eu-de", "eu-gb"));
        assertThat(secrets.comparable(sameOnStandby)).isEqualTo(desired.comparable());
        ObjectNode otherPassword = json(primary.replace(CeFixtures.DB_PASSWORD, "rotated"));
        assertThat(secrets.comparable(otherPassword)).isNotEqualTo(desired.comparable());
        assertThat(secrets.needsReplace(desired, secrets.comparable(otherPassword)))
                .as("PUT new data")
                .isFalse();
        assertThat(secrets.updateBody(otherPassword, desired))
                .isEqualTo(json("{\"format\":\"basic_auth\"," + "\"data\":{\"username\":\"app\",\"password\":\""
                        + CeFixtures.DB_PASSWORD + "\"}}"));
        ObjectNode otherFormat = json(primary.replace("basic_auth", "generic"));
        assertThat(secrets.needsReplace(desired, secrets.comparable(otherFormat)))
                .isTrue();
        assertThat(secrets.listItemComplete()).as("data is read with a GET").isFalse();
    }

    @Test
    void systemSecretsAreNeverWritten() {
        CeEntityType secrets = (CeEntityType) type(CodeEngineStandbyMode.Warm, "secret");
        ObjectNode system = json("{\"name\":\"ce-auto-icr-private-eu-de\",\"format\":\"registry\","
                + "\"generated_by\":\"system\",\"data\":{\"password\":\"x\"}}");

        assertThat(secrets.visible(system)).isFalse();
        assertThat(secrets.builtIn(system)).isTrue();
        assertThat(secrets.translate(system, NO_CONTEXT))
                .isInstanceOfSatisfying(
                        Translation.Skip.class,
                        skip -> assertThat(skip.reason()).isEqualTo("SystemSecret"));
        assertThat(secrets.visible(json("{\"name\":\"s\",\"generated_by\":\"user\"}")))
                .isTrue();
    }

    @Test
    void serviceSecretsAreRecreatedFromTheirPropertiesAndReplacedWhenThoseChange() {
        CeEntityType secrets = (CeEntityType) type(CodeEngineStandbyMode.Warm, "secret");
        String primary = "{\"name\":\"cos\",\"format\":\"service_access\",\"generated_by\":\"user\","
                + "\"data\":{\"apikey\":\"server-made\"},\"service_access\":{\"resource_key\":{\"id\":\"rk\",\"name\":\"k\"},"
                + "\"role\":{\"crn\":\"crn:v1:bluemix:public:iam::::serviceRole:Writer\",\"name\":\"Writer\"},"
                + "\"service_instance\":{\"id\":\"si\",\"type\":\"cloud-object-storage\"},\"serviceid\":{\"crn\":\"c\",\"id\":\"sid\"}}}";
        Desired desired = write(secrets, primary);

        assertThat(desired.body())
                .isEqualTo(json("{\"name\":\"cos\",\"format\":\"service_access\","
                        + "\"service_access\":{\"resource_key\":{\"id\":\"rk\"},\"role\":{\"crn\":\"crn:v1:bluemix:public:iam::::serviceRole:Writer\"},"
                        + "\"service_instance\":{\"id\":\"si\"},\"serviceid\":{\"id\":\"sid\"}}}"));
        ObjectNode otherInstance = json(primary.replace("\"si\"", "\"si-2\""));
        assertThat(secrets.needsReplace(desired, secrets.comparable(otherInstance)))
                .isTrue();

        Desired operator = write(
                secrets,
                "{\"name\":\"op\",\"format\":\"service_operator\",\"service_operator\":"
                        + "{\"apikey_id\":\"a\",\"resource_group_ids\":[\"rg\"],\"serviceid\":{\"id\":\"sid\",\"crn\":\"c\"},"
                        + "\"user_managed\":false}}");
        assertThat(operator.body())
                .isEqualTo(json("{\"name\":\"op\",\"format\":\"service_operator\","
                        + "\"service_operator\":{\"resource_group_ids\":[\"rg\"],\"serviceid\":{\"id\":\"sid\"}}}"));
    }

    @Test
    void bindingsAreKeyedByWhatTheyBindAndAlwaysReplaced() {
        EntityType bindings = type(CodeEngineStandbyMode.Warm, "binding");
        String primary = "{\"component\":{\"name\":\"my-app-1\",\"resource_type\":\"app_v2\"},\"href\":\"h\","
                + "\"id\":\"a172ced-b5f21bc-71ba50c-1638604\",\"prefix\":\"MY_COS\",\"project_id\":\"p1\","
                + "\"resource_type\":\"binding_v2\",\"secret_name\":\"my-service-access\",\"status\":\"active\"}";
        Desired desired = write(bindings, primary);

        assertThat(desired.key()).isEqualTo("app_v2/my-app-1/MY_COS/my-service-access");
        assertThat(desired.body())
                .isEqualTo(json("{\"component\":{\"name\":\"my-app-1\",\"resource_type\":\"app_v2\"},"
                        + "\"prefix\":\"MY_COS\",\"secret_name\":\"my-service-access\"}"));
        assertThat(bindings.id(json(primary))).isEqualTo("a172ced-b5f21bc-71ba50c-1638604");
        ObjectNode standby = json(primary.replace("a172ced", "ffff000").replace("p1", "p2"));
        assertThat(bindings.comparable(standby, NO_CONTEXT)).isEqualTo(desired.comparable());
        assertThat(bindings.needsReplace(desired, json("{}"))).isTrue();
        assertThat(bindings.changeMarker(json(primary))).isNull();
    }

    @Test
    void persistentDataStoresHaveNoUpdate() {
        EntityType stores = type(CodeEngineStandbyMode.Warm, "persistent_data_store");
        Desired desired = write(
                stores,
                "{\"name\":\"pds\",\"storage_type\":\"object_storage\",\"id\":\"1\","
                        + "\"entity_tag\":\"1\",\"data\":{\"bucket_location\":\"eu-de\",\"bucket_name\":\"b\",\"secret_name\":\"s\"}}");

        assertThat(desired.body())
                .isEqualTo(json("{\"name\":\"pds\",\"storage_type\":\"object_storage\","
                        + "\"data\":{\"bucket_location\":\"eu-de\",\"bucket_name\":\"b\",\"secret_name\":\"s\"}}"));
        assertThat(stores.needsReplace(desired, json("{\"name\":\"pds\"}"))).isTrue();
    }

    @Test
    void allowedOutboundDestinationsAreReplacedOnlyWhenTheirTypeOrGatewayChanges() {
        EntityType destinations = type(CodeEngineStandbyMode.Warm, "allowed_outbound_destination");
        Desired desired = write(
                destinations,
                "{\"name\":\"net\",\"type\":\"cidr_block\",\"cidr_block\":\"10.0.0.0/8\","
                        + "\"entity_tag\":\"1\",\"status\":\"ready\",\"status_details\":{\"reason\":\"ready\"}}");

        assertThat(destinations.needsReplace(
                        desired, json("{\"name\":\"net\",\"type\":\"cidr_block\",\"cidr_block\":\"10.1.0.0/16\"}")))
                .isFalse();
        assertThat(destinations.needsReplace(
                        desired,
                        json("{\"name\":\"net\",\"type\":\"private_path_service_gateway\","
                                + "\"private_path_service_gateway_crn\":\"crn\"}")))
                .isTrue();
    }

    @Test
    void jobsFunctionsAndBuildsDropTheirServerFields() {
        Desired job = write(
                type(CodeEngineStandbyMode.Warm, "job"),
                "{\"name\":\"j\",\"image_reference\":\"icr.io/x\","
                        + "\"run_mode\":\"task\",\"build\":\"b\",\"build_run\":\"br\",\"computed_env_variables\":[],"
                        + "\"entity_tag\":\"1\",\"resource_type\":\"job_v2\"}");
        Desired function = write(
                type(CodeEngineStandbyMode.Warm, "function"),
                "{\"name\":\"f\",\"runtime\":\"nodejs-20\","
                        + "\"code_reference\":\"data:text/plain;base64,eA==\",\"endpoint\":\"https://f\",\"endpoint_internal\":\"http://f\","
                        + "\"status\":\"ready\",\"status_details\":{\"reason\":\"ready\"},\"computed_env_variables\":[]}");
        Desired build = write(
                type(CodeEngineStandbyMode.Warm, "build"),
                "{\"name\":\"b\",\"output_image\":\"icr.io/x\","
                        + "\"output_secret\":\"s\",\"strategy_type\":\"dockerfile\",\"status\":\"ready\",\"href\":\"h\"}");

        assertThat(job.body())
                .isEqualTo(json("{\"name\":\"j\",\"image_reference\":\"icr.io/x\",\"run_mode\":\"task\"}"));
        assertThat(function.body())
                .isEqualTo(json("{\"name\":\"f\",\"runtime\":\"nodejs-20\","
                        + "\"code_reference\":\"data:text/plain;base64,eA==\"}"));
        assertThat(build.body())
                .isEqualTo(json("{\"name\":\"b\",\"output_image\":\"icr.io/x\",\"output_secret\":\"s\","
                        + "\"strategy_type\":\"dockerfile\"}"));
    }

    @Test
    void domainMappingsAreStagedOnStandbysAfterTheirAppsAndSecretsWithoutRegionalFields() {
        assertThat(order("domain_mapping")).isGreaterThan(order("app")).isGreaterThan(order("secret"));
        String primary = "{\"cname_target\":\"custom.abcdabcdabc.us-east.codeengine.appdomain.cloud\","
                + "\"component\":{\"name\":\"my-app-1\",\"resource_type\":\"app_v2\"},\"entity_tag\":\"1\","
                + "\"name\":\"www.example.com\",\"resource_type\":\"domain_mapping_v2\",\"status\":\"ready\","
                + "\"status_details\":{\"reason\":\"ready\"},\"tls_secret\":\"my-tls-secret\",\"user_managed\":true,"
                + "\"visibility\":\"custom\"}";

        Desired mapping = write(type(CodeEngineStandbyMode.Cold, "domain_mapping"), primary);

        assertThat(mapping.body())
                .isEqualTo(json("{\"name\":\"www.example.com\",\"component\":{\"name\":\"my-app-1\","
                        + "\"resource_type\":\"app_v2\"},\"tls_secret\":\"my-tls-secret\"}"));
        assertThat(type(CodeEngineStandbyMode.Cold, "domain_mapping").dependsOn())
                .contains("app", "secret");
    }

    @Test
    void appStatusesAreClassified() {
        assertThat(CeAppStatus.of(json(PRIMARY_APP))).isEqualTo(CeAppStatus.READY);
        assertThat(CeAppStatus.of(json(STANDBY_APP))).isEqualTo(CeAppStatus.DEPLOYING);
        assertThat(CeAppStatus.of(json("{\"status\":\"ready\"}"))).isEqualTo(CeAppStatus.READY);
        assertThat(CeAppStatus.of(json("{\"status\":\"failed\"}"))).isEqualTo(CeAppStatus.FAILED);
        assertThat(CeAppStatus.of(json("{\"status\":\"warning\",\"status_details\":{\"reason\":"
                        + "\"ready_but_latest_revision_failed\"}}")))
                .isEqualTo(CeAppStatus.FAILED);
        assertThat(CeAppStatus.of(json("{}"))).isEqualTo(CeAppStatus.DEPLOYING);
    }

    private static int order(String typeName) {
        return CeEntityTypes.all(CodeEngineStandbyMode.Warm).stream()
                .map(EntityType::name)
                .toList()
                .indexOf(typeName);
    }

    private static EntityType type(CodeEngineStandbyMode mode, String name) {
        return EntitySelection.named(CeEntityTypes.all(mode), List.of(name)).get(0);
    }

    private static Desired write(EntityType type, String source) {
        Translation translation = type.translate(json(source), NO_CONTEXT);
        assertThat(translation).isInstanceOf(Translation.Write.class);
        return ((Translation.Write) translation).desired();
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
