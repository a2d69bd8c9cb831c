package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Names, duplicates and references that must exist before what points at them. */
class CeValidationTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("eu-es");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static CeFixtures fixtures;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        fixtures = CeFixtures.inNewProject(simulator, client, "eu-es");
        fixtures.secret("generic", "generic");
        fixtures.secret("registry", "registry");
        fixtures.secret("tls", "tls");
        fixtures.secret("hmac", "hmac_auth");
        fixtures.secret("service-access", "service_access");
        fixtures.configMap("settings");
        fixtures.app("target-app");
    }

    private static String rejected(String segment, ObjectNode body) {
        return IbmErrorAssert.assertIbmError(client.post(fixtures.url(segment), body), 400)
                .get("message")
                .asText();
    }

    @Test
    void namesFollowDns1123PerKind() {
        assertThat(rejected("apps", CeFixtures.appBody("Upper", CeFixtures.IMAGE)))
                .contains("not valid");
        assertThat(rejected("apps", CeFixtures.appBody("1starts-with-digit", CeFixtures.IMAGE)))
                .contains("not valid");
        assertThat(rejected("apps", CeFixtures.appBody("ends-with-dash-", CeFixtures.IMAGE)))
                .contains("not valid");
        assertThat(rejected("apps", CeFixtures.appBody("a".repeat(64), CeFixtures.IMAGE)))
                .contains("63");
        assertThat(rejected("apps", SimClient.object().put("image_reference", CeFixtures.IMAGE)))
                .contains("name");
        fixtures.create("apps", CeFixtures.appBody("a".repeat(63), CeFixtures.IMAGE));

        String longSubdomain = "s".repeat(60) + "." + "t".repeat(60) + "." + "u".repeat(60) + "." + "v".repeat(61);
        assertThat(longSubdomain).hasSize(244);
        fixtures.create("config_maps", SimClient.object().put("name", longSubdomain));
        fixtures.create("secrets", CeFixtures.secretBody("9-dotted.name", "generic"));
        assertThat(rejected("config_maps", SimClient.object().put("name", "x".repeat(254))))
                .contains("253");
        assertThat(rejected("secrets", CeFixtures.secretBody("under_score", "generic")))
                .contains("not valid");
        assertThat(rejected(
                        "domain_mappings",
                        CeFixtures.component(
                                SimClient.object().put("name", "localhost").put("tls_secret", "tls"),
                                "target-app",
                                "app_v2")))
                .contains("domain");
    }

    @Test
    void duplicateNamesAre409() {
        fixtures.job("twice");
        IbmErrorAssert.assertIbmError(
                client.post(
                        fixtures.url("jobs"),
                        SimClient.object().put("name", "twice").put("image_reference", CeFixtures.IMAGE)),
                409);
        IbmErrorAssert.assertIbmError(
                client.post(fixtures.url("secrets"), CeFixtures.secretBody("generic", "generic")), 409);
        // names are per kind
        fixtures.create("apps", CeFixtures.appBody("twice", CeFixtures.IMAGE));
    }

    @Test
    void workloadReferencesMustExist() {
        ObjectNode env = CeFixtures.appBody("env-app", CeFixtures.IMAGE);
        env.putArray("run_env_variables")
                .addObject()
                .put("type", "config_map_full_reference")
                .put("reference", "missing-config");
        assertThat(rejected("apps", env))
                .contains("run_env_variables[0].reference")
                .contains("missing-config");

        ObjectNode keyRef = CeFixtures.appBody("env-app", CeFixtures.IMAGE);
        keyRef.putArray("run_env_variables")
                .addObject()
                .put("type", "secret_key_reference")
                .put("name", "KEY")
                .put("key", "API_KEY")
                .put("reference", "nope");
        assertThat(rejected("apps", keyRef)).contains("secret 'nope'");
        ((ObjectNode) keyRef.get("run_env_variables").get(0)).remove("key");
        assertThat(rejected("apps", keyRef)).contains("key");

        assertThat(rejected("apps", CeFixtures.appBody("pull", CeFixtures.IMAGE).put("image_secret", "generic")))
                .contains("registry");
        ObjectNode mount = CeFixtures.appBody("mounted", CeFixtures.IMAGE);
        mount.putArray("run_volume_mounts")
                .addObject()
                .put("type", "persistent_data_store")
                .put("reference", "nope")
                .put("mount_path", "/data");
        assertThat(rejected("apps", mount)).contains("persistent data store 'nope'");
        assertThat(rejected(
                        "jobs",
                        SimClient.object()
                                .put("name", "job")
                                .put("image_reference", CeFixtures.IMAGE)
                                .put("image_secret", "nope")))
                .contains("image_secret");
        assertThat(rejected(
                        "functions",
                        SimClient.object()
                                .put("name", "fn")
                                .put("runtime", "cobol-85")
                                .put("code_reference", "data:text/plain;base64,eA==")))
                .contains("runtime");
        assertThat(rejected(
                        "builds",
                        SimClient.object()
                                .put("name", "b")
                                .put("output_image", "us.icr.io/a/b")
                                .put("output_secret", "tls")
                                .put("strategy_type", "dockerfile")
                                .put("source_url", "https://x")))
                .contains("registry");

        ObjectNode good = CeFixtures.appBody("env-app", CeFixtures.IMAGE).put("image_secret", "registry");
        good.putArray("run_env_variables")
                .addObject()
                .put("type", "config_map_key_reference")
                .put("name", "LEVEL")
                .put("key", "LOG_LEVEL")
                .put("reference", "settings");
        good.putArray("run_volume_mounts")
                .addObject()
                .put("type", "secret")
                .put("reference", "generic")
                .put("mount_path", "/etc/secret");
        fixtures.create("apps", good);
    }

    @Test
    void storesBindingsAndMappingsCheckTheirSecretsAndComponents() {
        ObjectNode store = SimClient.object().put("name", "store").put("storage_type", "object_storage");
        store.putObject("data").put("bucket_name", "b").put("secret_name", "generic");
        assertThat(rejected("persistent_data_stores", store)).contains("hmac_auth");
        ((ObjectNode) store.get("data")).put("secret_name", "hmac");
        fixtures.create("persistent_data_stores", store);

        ObjectNode binding = CeFixtures.component(
                SimClient.object().put("prefix", "COS").put("secret_name", "generic"), "target-app", "app_v2");
        assertThat(rejected("bindings", binding)).contains("service_access");
        binding.put("secret_name", "service-access");
        CeFixtures.component(binding, "ghost-app", "app_v2");
        assertThat(rejected("bindings", binding)).contains("ghost-app");
        CeFixtures.component(binding, "target-app", "function_v2");
        assertThat(rejected("bindings", binding)).contains("resource_type");
        CeFixtures.component(binding, "target-app", "app_v2");
        fixtures.create("bindings", binding);
        IbmErrorAssert.assertIbmError(client.post(fixtures.url("bindings"), binding), 409);

        ObjectNode mapping = CeFixtures.component(
                SimClient.object().put("name", "www.validation.example.com").put("tls_secret", "generic"),
                "target-app",
                "app_v2");
        assertThat(rejected("domain_mappings", mapping)).contains("tls");
        mapping.put("tls_secret", "tls");
        CeFixtures.component(mapping, "no-such-app", "app_v2");
        assertThat(rejected("domain_mappings", mapping)).contains("no-such-app");
    }

    @Test
    void unknownFieldsTypesAndValuesAre400() {
        assertThat(rejected("apps", CeFixtures.appBody("typo", CeFixtures.IMAGE).put("scale_max_instance", 3)))
                .contains("scale_max_instance");
        assertThat(rejected(
                        "apps", CeFixtures.appBody("typed", CeFixtures.IMAGE).put("image_port", "8080")))
                .contains("integer");
        assertThat(rejected("apps", CeFixtures.appBody("vis", CeFixtures.IMAGE).put("managed_domain_mappings", "all")))
                .contains("local_public");
        assertThat(rejected(
                        "allowed_outbound_destinations",
                        SimClient.object()
                                .put("name", "egress")
                                .put("type", "cidr_block")
                                .put("cidr_block", "10.0.0.0/33")))
                .contains("CIDR");
        ObjectNode data = SimClient.object().put("name", "bad-data").put("format", "generic");
        data.putObject("data").put("KEY", 5);
        assertThat(rejected("secrets", data)).contains("string");
        ObjectNode basic = SimClient.object().put("name", "half-basic").put("format", "basic_auth");
        basic.putObject("data").put("username", "u");
        assertThat(rejected("secrets", basic)).contains("password");
        IbmErrorAssert.assertIbmError(
                client.send(client.authorized(fixtures.url("apps"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("[]"))
                        .build()),
                400);
    }

    @Test
    void defaultsAreFilledAndScaleKeptAsGiven() {
        JsonNode app = fixtures.create(
                "apps",
                CeFixtures.appBody("defaults", CeFixtures.IMAGE)
                        .put("scale_min_instances", 1)
                        .put("scale_max_instances", 5));
        assertThat(app.get("scale_min_instances").asInt()).isEqualTo(1);
        assertThat(app.get("scale_max_instances").asInt()).isEqualTo(5);
        assertThat(app.get("image_port").asInt()).isEqualTo(8080);
        assertThat(app.get("managed_domain_mappings").asText()).isEqualTo("local_public");
        assertThat(app.get("run_service_account").asText()).isEqualTo("default");
        assertThat(app.get("scale_memory_limit").asText()).isEqualTo("4G");

        JsonNode plain = fixtures.create("apps", CeFixtures.appBody("plain", CeFixtures.IMAGE));
        assertThat(plain.get("scale_min_instances").asInt()).isZero();
        assertThat(plain.get("scale_max_instances").asInt()).isEqualTo(10);
        assertThat(plain.get("endpoint_internal").asText())
                .startsWith("http://plain.")
                .endsWith(".svc.cluster.local");
        assertThat(plain.get("computed_env_variables"))
                .anyMatch(env -> env.get("name").asText().equals("CE_APP")
                        && env.get("value").asText().equals("plain"));

        JsonNode unlimited = fixtures.create(
                "apps",
                CeFixtures.appBody("unlimited", CeFixtures.IMAGE)
                        .put("scale_min_instances", 3)
                        .put("scale_max_instances", 0));
        assertThat(unlimited.get("scale_max_instances").asInt()).isZero();
    }
}
