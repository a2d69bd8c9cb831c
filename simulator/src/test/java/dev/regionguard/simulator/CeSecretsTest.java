package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CeSecretsTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("eu-de");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static CeFixtures fixtures;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        fixtures = CeFixtures.inNewProject(simulator, client, "eu-de");
    }

    @Test
    void everyFormatHasItsResourceTypeAndGetReturnsTheData() {
        Map<String, String> types = Map.of(
                "generic",
                "secret_generic_v2",
                "basic_auth",
                "secret_basic_auth_v2",
                "registry",
                "secret_registry_v2",
                "ssh_auth",
                "secret_auth_ssh_v2",
                "tls",
                "secret_tls_v2",
                "hmac_auth",
                "secret_hmac_auth_v2",
                "service_access",
                "secret_service_access_v2");
        types.forEach((format, type) -> {
            String name = "fmt-" + format.replace('_', '-');
            fixtures.secret(name, format);
            JsonNode secret = fixtures.get("secrets", name);
            assertThat(secret.get("format").asText()).isEqualTo(format);
            assertThat(secret.get("resource_type").asText()).as(format).isEqualTo(type);
            assertThat(secret.get("generated_by").asText()).isEqualTo("user");
            assertThat(secret.get("data"))
                    .isEqualTo(
                            format.equals("service_access")
                                    ? null
                                    : CeFixtures.secretBody(name, format).get("data"));
        });
        assertThat(fixtures.get("secrets", "fmt-service-access")
                        .get("service_access")
                        .get("resource_key")
                        .get("id")
                        .asText())
                .isNotBlank();

        ObjectNode operator = SimClient.object().put("name", "operator").put("format", "service_operator");
        operator.putObject("service_operator").putArray("resource_group_ids").add("rg-1");
        JsonNode created = fixtures.create("secrets", operator);
        assertThat(created.get("resource_type").asText()).isEqualTo("secret_operator_v2");
        assertThat(created.get("service_operator").get("apikey_id").asText()).startsWith("ApiKey-");
        assertThat(created.get("service_operator").get("user_managed").asBoolean())
                .isFalse();
    }

    @Test
    void formatsTakeOnlyTheirKeys() {
        ObjectNode registry = CeFixtures.secretBody("reg-extra", "registry");
        ((ObjectNode) registry.get("data")).put("token", "x");
        IbmErrorAssert.assertIbmError(client.post(fixtures.url("secrets"), registry), 400);
        ObjectNode tls = CeFixtures.secretBody("tls-half", "tls");
        ((ObjectNode) tls.get("data")).remove("tls_key");
        IbmErrorAssert.assertIbmError(client.post(fixtures.url("secrets"), tls), 400);
        ObjectNode access = CeFixtures.secretBody("access-data", "service_access");
        access.putObject("data").put("apikey", "x");
        IbmErrorAssert.assertIbmError(client.post(fixtures.url("secrets"), access), 400);
        IbmErrorAssert.assertIbmError(
                client.post(fixtures.url("secrets"), SimClient.object().put("name", "no-format")), 400);
        IbmErrorAssert.assertIbmError(
                client.post(
                        fixtures.url("secrets"),
                        SimClient.object().put("name", "odd").put("format", "kerberos")),
                400);
    }

    @Test
    void everyProjectStartsWithAProtectedSystemRegistrySecret() {
        String name = "ce-auto-icr-private-eu-de";
        SimClient.Response read = client.get(fixtures.url("secrets", name));
        JsonNode secret = read.json();
        assertThat(secret.get("format").asText()).isEqualTo("registry");
        assertThat(secret.get("generated_by").asText()).isEqualTo("system");
        assertThat(secret.get("data").get("server").asText()).isEqualTo("private.de.icr.io");
        assertThat(client.get(fixtures.url("secrets") + "?format=registry").body())
                .contains(name);

        ObjectNode put = CeFixtures.secretBody(name, "registry");
        put.remove("name");
        JsonNode error =
                IbmErrorAssert.assertIbmError(client.put(fixtures.url("secrets", name), put, read.header("ETag")), 403);
        assertThat(error.get("message").asText()).contains("managed by Code Engine");
        IbmErrorAssert.assertIbmError(client.delete(fixtures.url("secrets", name)), 403);
        assertThat(fixtures.get("secrets", name).get("entity_tag").asText()).isEqualTo(read.header("ETag"));

        // apps may still pull with it
        fixtures.create(
                "apps",
                CeFixtures.appBody("private-pull", "private.de.icr.io/team/app:1")
                        .put("image_secret", name));
    }
}
