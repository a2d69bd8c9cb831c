package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Custom e-mail domains: verify calls, sandbox destinations and their upgrade, as IBM's SDKs call them. */
class EmailDomainsApiTest extends InstanceApiTest {

    private String destination(String name, String type, String config) {
        Multipart form = new Multipart().text("name", name).text("type", type);
        if (config != null) {
            form.json("config", config);
        }
        SimClient.Response created = client.multipart("POST", base + "/destinations", form);
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void destinationVerifyStaysPendingUntilTheDomainsRecordsExist() {
        String domain = "mail-" + instanceId.substring(0, 8) + ".example.com";
        String id = destination("custom", "smtp_custom", "{\"params\":{\"domain\":\"" + domain + "\"}}");

        SimClient.Response before = client.patch(base + "/destinations/" + id + "/verify?type=spf", SimClient.object());
        assertThat(before.status()).isEqualTo(200);
        assertThat(fieldNames(before.json())).containsExactly("type", "verification");
        assertThat(before.json().get("verification").asText()).isEqualTo("PENDING");

        simulator.outside().publishDnsRecords(domain);
        JsonNode spf = client.patch(base + "/destinations/" + id + "/verify?type=spf", SimClient.object())
                .json();
        assertThat(spf.get("type").asText()).isEqualTo("spf");
        assertThat(spf.get("verification").asText()).isEqualTo("VERIFIED");
        JsonNode params =
                client.get(base + "/destinations/" + id).json().get("config").get("params");
        assertThat(params.get("spf").get("verification").asText()).isEqualTo("VERIFIED");
        assertThat(params.get("dkim").get("verification").asText())
                .as("dkim is verified by its own call")
                .isEqualTo("PENDING");

        IbmErrorAssert.assertIbmError(
                client.patch(base + "/destinations/" + id + "/verify?type=mx", SimClient.object()), 400);
        IbmErrorAssert.assertIbmError(client.patch(base + "/destinations/" + id + "/verify", SimClient.object()), 400);
    }

    @Test
    void smtpConfigVerifyAnswersOneStatusPerRequestedType() {
        String domain = "relay-" + instanceId.substring(0, 8) + ".example.com";
        SimClient.Response created = client.post(
                base + "/smtp/config", SimClient.object().put("name", "relay").put("domain", domain));
        String verify = base + "/smtp/config/" + created.json().get("id").asText() + "/verify";

        JsonNode pending = client.patch(verify + "?type=dkim,spf,en_authorization", SimClient.object())
                .json();
        assertThat(pending.get("status")).hasSize(3);
        pending.get("status")
                .forEach(s -> assertThat(s.get("verification").asText()).isEqualTo("PENDING"));

        client.post(simulator.baseUrl() + "/_sim/dns?domain=" + domain, SimClient.object());
        JsonNode verified =
                client.patch(verify + "?type=dkim", SimClient.object()).json();
        assertThat(verified.get("status")).hasSize(1);
        assertThat(verified.get("status").get(0).get("type").asText()).isEqualTo("dkim");
        assertThat(verified.get("status").get(0).get("verification").asText()).isEqualTo("VERIFIED");
        JsonNode config = client.get(
                        base + "/smtp/config/" + created.json().get("id").asText())
                .json()
                .get("config");
        assertThat(config.get("dkim").get("verification").asText()).isEqualTo("VERIFIED");
        assertThat(config.get("spf").get("verification").asText()).isEqualTo("PENDING");
        IbmErrorAssert.assertIbmError(client.patch(verify + "?type=dkim,mx", SimClient.object()), 400);
    }

    @Test
    void sandboxDestinationsNeedNoDomainAndUpgradeToSmtpCustom() {
        String id = destination("sandbox-mail", "smtp_custom_sandbox", null);
        JsonNode sandbox = client.get(base + "/destinations/" + id).json();
        assertThat(sandbox.get("type").asText()).isEqualTo("smtp_custom_sandbox");
        assertThat(sandbox.get("config").get("params").has("dkim")).isFalse();
        IbmErrorAssert.assertIbmError(
                client.patch(base + "/destinations/" + id + "/verify?type=spf", SimClient.object()), 400);
        IbmErrorAssert.assertIbmError(client.patch(base + "/destinations/" + id + "/upgrade", SimClient.object()), 400);

        SimClient.Response upgraded = client.patch(
                base + "/destinations/" + id + "/upgrade", SimClient.object().put("domain", "prod.example.com"));
        assertThat(upgraded.status()).isEqualTo(200);
        assertThat(upgraded.json().get("id").asText()).isEqualTo(id);
        assertThat(upgraded.json().get("type").asText()).isEqualTo("smtp_custom");
        JsonNode params = upgraded.json().get("config").get("params");
        assertThat(params.get("domain").asText()).isEqualTo("prod.example.com");
        assertThat(params.get("dkim").get("verification").asText()).isEqualTo("PENDING");
        IbmErrorAssert.assertIbmError(
                client.patch(
                        base + "/destinations/" + id + "/upgrade",
                        SimClient.object().put("domain", "x.example.com")),
                400);
    }
}
