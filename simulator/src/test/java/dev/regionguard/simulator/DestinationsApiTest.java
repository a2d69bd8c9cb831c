package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DestinationsApiTest extends InstanceApiTest {

    private JsonNode snapshotDestination(String name) {
        for (JsonNode destination :
                simulator.eventNotificationsSnapshot(REGION, instanceId).get("destinations")) {
            if (destination.get("name").asText().equals(name)) {
                return destination;
            }
        }
        throw new AssertionError("no destination " + name);
    }

    @Test
    void multipartCreateStoresSensitiveHeadersButGetMasksThem() {
        SimClient.Response created =
                client.multipart("POST", base + "/destinations", Fixtures.webhookForm("ops-hook", "Bearer top-secret"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(fieldNames(created.json()))
                .containsExactly("id", "name", "description", "type", "collect_failed_events", "config", "created_at");
        String id = created.json().get("id").asText();
        JsonNode headers = created.json().get("config").get("params").get("custom_headers");
        assertThat(headers.get("Authorization").asText()).isEqualTo("****");

        JsonNode read = client.get(base + "/destinations/" + id).json();
        assertThat(read.get("type").asText()).isEqualTo("webhook");
        assertThat(read.get("collect_failed_events").asBoolean()).isFalse();
        JsonNode params = read.get("config").get("params");
        assertThat(params.get("url").asText()).isEqualTo("https://hooks.example.com/x");
        assertThat(params.get("custom_headers").get("Authorization").asText()).isEqualTo("****");
        assertThat(params.get("custom_headers").get("X-Team").asText()).isEqualTo("ops");
        assertThat(read.get("subscription_count").asInt()).isZero();
        assertThat(client.get(base + "/destinations").body()).doesNotContain("top-secret");

        JsonNode stored = snapshotDestination("ops-hook").get("config").get("params");
        assertThat(stored.get("custom_headers").get("Authorization").asText()).isEqualTo("Bearer top-secret");
    }

    @Test
    void secretParamsAndCertificatesAreWriteOnly() {
        byte[] certificate = {0x30, (byte) 0x82, 0x0d, 0x0a, 0x2d, 0x2d, 0x00, (byte) 0xff};
        Multipart form = new Multipart()
                .text("name", "mobile")
                .text("type", "push_ios")
                .json("config", "{\"params\":{\"cert_type\":\"p12\",\"is_sandbox\":true,\"password\":\"p12-pass\"}}")
                .file("certificate", "cert.p12", "application/x-pkcs12", certificate);
        assertThat(client.multipart("POST", base + "/destinations", form).status())
                .isEqualTo(201);
        Multipart pager = new Multipart()
                .text("name", "pager")
                .text("type", "pagerduty")
                .json("config", "{\"params\":{\"routing_key\":\"rk-123\"}}");
        String pagerId = client.multipart("POST", base + "/destinations", pager)
                .json()
                .get("id")
                .asText();

        assertThat(client.get(base + "/destinations/" + pagerId)
                        .json()
                        .get("config")
                        .get("params")
                        .has("routing_key"))
                .isFalse();
        String everything = client.get(base + "/destinations?limit=100").body();
        assertThat(everything)
                .doesNotContain("p12-pass")
                .doesNotContain("rk-123")
                .doesNotContain("certificate");
        assertThat(client.get(base + "/destinations")
                        .json()
                        .get("destinations")
                        .get(0)
                        .has("config"))
                .isFalse();

        JsonNode mobile = snapshotDestination("mobile");
        assertThat(mobile.get("config").get("params").get("password").asText()).isEqualTo("p12-pass");
        JsonNode file = mobile.get("files").get("certificate");
        assertThat(file.get("file_name").asText()).isEqualTo("cert.p12");
        assertThat(file.get("content_type").asText()).isEqualTo("application/x-pkcs12");
        assertThat(Base64.getDecoder().decode(file.get("content_base64").asText()))
                .isEqualTo(certificate);
        assertThat(snapshotDestination("pager")
                        .get("config")
                        .get("params")
                        .get("routing_key")
                        .asText())
                .isEqualTo("rk-123");
    }

    @Test
    void multipartPatchUpdatesAndTypeIsImmutable() {
        String id = fixtures.webhook("patched-hook");
        String before = client.get(base + "/destinations/" + id)
                .json()
                .get("updated_at")
                .asText();

        SimClient.Response first =
                client.multipart("PATCH", base + "/destinations/" + id, new Multipart().text("description", "first"));
        SimClient.Response second =
                client.multipart("PATCH", base + "/destinations/" + id, new Multipart().text("description", "second"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.json().get("description").asText()).isEqualTo("second");
        assertThat(first.json().get("updated_at").asText()).isGreaterThan(before);
        assertThat(second.json().get("updated_at").asText())
                .isGreaterThan(first.json().get("updated_at").asText());
        // a PATCH without config keeps the stored secrets
        assertThat(snapshotDestination("patched-hook")
                        .get("config")
                        .get("params")
                        .get("custom_headers")
                        .get("Authorization")
                        .asText())
                .isEqualTo("Bearer s3cr3t");

        IbmErrorAssert.assertIbmError(
                client.multipart("PATCH", base + "/destinations/" + id, new Multipart().text("type", "slack")), 400);
        IbmErrorAssert.assertIbmError(
                client.patch(base + "/destinations/" + id, SimClient.object().put("description", "json")), 400);
        assertThat(client.get(base + "/destinations/" + id)
                        .json()
                        .get("description")
                        .asText())
                .isEqualTo("second");

        SimClient.Response newConfig = client.multipart(
                "PATCH",
                base + "/destinations/" + id,
                new Multipart().json("config", "{\"params\":{\"url\":\"https://new.example.com\",\"verb\":\"put\"}}"));
        assertThat(newConfig.json().get("config").get("params").get("verb").asText())
                .isEqualTo("put");
        assertThat(snapshotDestination("patched-hook")
                        .get("config")
                        .get("params")
                        .has("custom_headers"))
                .isFalse();
    }

    @Test
    void validatesTypesParamsAndNames() {
        IbmErrorAssert.assertIbmError(
                client.multipart(
                        "POST",
                        base + "/destinations",
                        new Multipart().text("name", "mail").text("type", "smtp_ibm")),
                400);
        IbmErrorAssert.assertIbmError(
                client.multipart(
                        "POST",
                        base + "/destinations",
                        new Multipart().text("name", "x").text("type", "carrier_pigeon")),
                400);
        var missing = IbmErrorAssert.assertIbmError(
                client.multipart(
                        "POST",
                        base + "/destinations",
                        new Multipart()
                                .text("name", "pd")
                                .text("type", "pagerduty")
                                .json("config", "{\"params\":{}}")),
                400);
        assertThat(missing.get("message").asText()).contains("routing_key");
        IbmErrorAssert.assertIbmError(
                client.multipart(
                        "POST",
                        base + "/destinations",
                        new Multipart()
                                .text("name", "hook")
                                .text("type", "webhook")
                                .json("config", "{\"params\":{\"url\":\"https://x\",\"verb\":\"fetch\"}}")),
                400);
        IbmErrorAssert.assertIbmError(
                client.multipart(
                        "POST",
                        base + "/destinations",
                        new Multipart()
                                .text("name", "hook")
                                .text("type", "webhook")
                                .text("config", "{not json")),
                400);
        IbmErrorAssert.assertIbmError(
                client.post(
                        base + "/destinations",
                        SimClient.object().put("name", "json-hook").put("type", "msteams")),
                400);
        IbmErrorAssert.assertIbmError(
                client.multipart(
                        "POST",
                        base + "/destinations",
                        Fixtures.webhookForm("cfe-hook", "x").text("collect_failed_events", "true")),
                400);

        fixtures.webhook("same-name");
        IbmErrorAssert.assertIbmError(
                client.multipart("POST", base + "/destinations", Fixtures.webhookForm("same-name", "y")), 409);
    }

    @Test
    void builtInDestinationsExistAndCannotBeDeleted() {
        JsonNode list = client.get(base + "/destinations").json();
        assertThat(list.get("total_count").asInt()).isEqualTo(2);
        assertThat(list.get("destinations"))
                .extracting(d -> d.get("type").asText() + "=" + d.get("name").asText())
                .containsExactlyInAnyOrder("smtp_ibm=IBM Cloud Email Service", "sms_ibm=IBM Cloud SMS Service");

        String email = fixtures.idOfType("destinations", "smtp_ibm");
        IbmErrorAssert.assertIbmError(client.delete(base + "/destinations/" + email), 400);
        IbmErrorAssert.assertIbmError(
                client.delete(base + "/destinations/" + fixtures.idOfType("destinations", "sms_ibm")), 400);
    }

    @Test
    void destinationsWithSubscriptionsCannotBeDeleted() {
        String hook = fixtures.webhook("linked-hook");
        String topic = fixtures.topic("linked-topic", fixtures.source("linked-source"));
        String subscription = fixtures.subscription("linked-sub", topic, hook);

        JsonNode read = client.get(base + "/destinations/" + hook).json();
        assertThat(read.get("subscription_names").get(0).asText()).isEqualTo("linked-sub");
        IbmErrorAssert.assertIbmError(client.delete(base + "/destinations/" + hook), 409);
        client.delete(base + "/subscriptions/" + subscription);
        assertThat(client.delete(base + "/destinations/" + hook).status()).isEqualTo(204);
    }

    @Test
    void smtpCustomDestinationsGetServerMadeDnsRecords() {
        SimClient.Response created = client.multipart(
                "POST",
                base + "/destinations",
                new Multipart()
                        .text("name", "custom-mail")
                        .text("type", "smtp_custom")
                        .json("config", "{\"params\":{\"domain\":\"mail.example.com\"}}"));
        JsonNode params = created.json().get("config").get("params");
        assertThat(params.get("dkim").get("verification").asText()).isEqualTo("PENDING");
        assertThat(params.get("spf").get("txt_name").asText()).isEqualTo("mail.example.com");
    }
}
