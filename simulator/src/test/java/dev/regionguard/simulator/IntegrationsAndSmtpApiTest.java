package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class IntegrationsAndSmtpApiTest extends InstanceApiTest {

    @Test
    void defaultKmsIntegrationCanBePutButNotDeleted() {
        JsonNode list = client.get(base + "/integrations").json();
        assertThat(list.get("total_count").asInt()).isEqualTo(1);
        JsonNode kms = list.get("integrations").get(0);
        assertThat(kms.get("type").asText()).isEqualTo("kms");
        assertThat(kms.get("metadata")).isEmpty();
        String id = kms.get("id").asText();

        ObjectNode put = SimClient.object().put("type", "kms");
        put.putObject("metadata")
                .put("endpoint", "https://us-south.kms.cloud.ibm.com")
                .put("crn", "crn:v1:bluemix:public:kms:us-south:a/1:2::")
                .put("root_key_id", "rk");
        SimClient.Response updated = client.put(base + "/integrations/" + id, put);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("metadata").get("root_key_id").asText()).isEqualTo("rk");
        assertThat(updated.json().get("updated_at").asText())
                .isGreaterThan(kms.get("updated_at").asText());

        IbmErrorAssert.assertIbmError(client.delete(base + "/integrations/" + id), 405);
        IbmErrorAssert.assertIbmError(
                client.put(
                        base + "/integrations/" + id,
                        SimClient.object().put("type", "collect_failed_events").set("metadata", put.get("metadata"))),
                400);
        IbmErrorAssert.assertIbmError(client.post(base + "/integrations", put), 400);
    }

    @Test
    void oneCollectFailedEventsIntegrationMayBeCreated() {
        ObjectNode cos = SimClient.object().put("type", "collect_failed_events");
        cos.putObject("metadata")
                .put("endpoint", "https://s3.us-south.cloud-object-storage.appdomain.cloud")
                .put("crn", "crn:v1:bluemix:public:cloud-object-storage:global:a/1:2::")
                .put("bucket_name", "failed");

        SimClient.Response created = client.post(base + "/integrations", cos);
        assertThat(created.status()).isEqualTo(201);
        assertThat(fieldNames(created.json())).containsExactly("id", "type", "metadata", "created_at");
        IbmErrorAssert.assertIbmError(client.post(base + "/integrations", cos), 409);

        // now destinations may collect failed events
        assertThat(client.multipart(
                                "POST",
                                base + "/destinations",
                                Fixtures.webhookForm("cfe-hook", "x").text("collect_failed_events", "true"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void smtpConfigurationsAndUsers() {
        ObjectNode body = SimClient.object()
                .put("name", "relay")
                .put("domain", "mail.example.com")
                .put("description", "relay");
        SimClient.Response created = client.post(base + "/smtp/config", body);
        assertThat(created.status()).isEqualTo(201);
        String configId = created.json().get("id").asText();
        assertThat(created.json().get("config").get("dkim").get("verification").asText())
                .isEqualTo("PENDING");
        assertThat(client.get(base + "/smtp/config").json().get("smtp_configurations"))
                .hasSize(1);
        IbmErrorAssert.assertIbmError(client.post(base + "/smtp/config", body), 409);
        IbmErrorAssert.assertIbmError(
                client.patch(
                        base + "/smtp/config/" + configId, SimClient.object().put("domain", "other.example.com")),
                400);
        assertThat(client.patch(
                                base + "/smtp/config/" + configId,
                                SimClient.object().put("description", "new"))
                        .json()
                        .get("description")
                        .asText())
                .isEqualTo("new");

        String users = base + "/smtp/config/" + configId + "/users";
        SimClient.Response user = client.post(users, SimClient.object().put("description", "app"));
        assertThat(user.status()).isEqualTo(201);
        assertThat(fieldNames(user.json()))
                .containsExactly("id", "smtp_config_id", "description", "domain", "username", "password", "created_at");
        String userId = user.json().get("id").asText();
        String password = user.json().get("password").asText();

        assertThat(client.get(users + "/" + userId).json().has("password")).isFalse();
        assertThat(client.get(users).json().get("users").get(0).has("password")).isFalse();
        assertThat(client.patch(users + "/" + userId, SimClient.object().put("description", "renamed"))
                        .json()
                        .get("description")
                        .asText())
                .isEqualTo("renamed");
        JsonNode snapshotUser = simulator
                .eventNotificationsSnapshot(REGION, instanceId)
                .get("smtp_configurations")
                .get(0)
                .get("users")
                .get(0);
        assertThat(snapshotUser.get("password").asText()).isEqualTo(password);

        assertThat(client.delete(users + "/" + userId).status()).isEqualTo(204);
        client.post(users, SimClient.object());
        assertThat(client.delete(base + "/smtp/config/" + configId).status()).isEqualTo(204);
        IbmErrorAssert.assertIbmError(client.get(users), 404);
        assertThat(simulator.eventNotificationsSnapshot(REGION, instanceId).get("smtp_configurations"))
                .isEmpty();
    }

    /** IBM's SMTPUser (get, list), SMTPUsersList and SMTPUserResponse of a clone, field for field. */
    @Test
    void smtpUsersAsIbmDefinesThem() {
        String configId = client.post(
                        base + "/smtp/config",
                        SimClient.object().put("name", "mail").put("domain", "mail.example.com"))
                .json()
                .get("id")
                .asText();
        String users = base + "/smtp/config/" + configId + "/users";
        JsonNode original = client.post(users, SimClient.object().put("description", "billing"))
                .json();
        String userId = original.get("id").asText();

        assertThat(fieldNames(client.get(users + "/" + userId).json()))
                .containsExactlyInAnyOrder(
                        "id", "smtp_config_id", "description", "domain", "username", "created_at", "updated_at");
        JsonNode list = client.get(users).json();
        assertThat(fieldNames(list)).contains("total_count", "offset", "limit", "users");
        assertThat(list.get("total_count").asInt()).isEqualTo(1);

        // A clone shares the username; its create answer carries no password.
        SimClient.Response clone = client.post(
                users + "?username_to_clone=" + original.get("username").asText(),
                SimClient.object().put("description", "billing-2"));
        assertThat(clone.status()).isEqualTo(201);
        assertThat(clone.json().get("username").asText())
                .isEqualTo(original.get("username").asText());
        assertThat(clone.json().has("password")).isFalse();

        // A user is found only under its own configuration.
        String other = client.post(
                        base + "/smtp/config",
                        SimClient.object().put("name", "other").put("domain", "other.example.com"))
                .json()
                .get("id")
                .asText();
        IbmErrorAssert.assertIbmError(client.get(base + "/smtp/config/" + other + "/users/" + userId), 404);
    }
}
