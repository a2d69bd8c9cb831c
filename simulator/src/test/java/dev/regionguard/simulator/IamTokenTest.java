package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IamTokenTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south");

    private static IbmCloudSimulator simulator;
    private String instanceUrl;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
    }

    @BeforeEach
    void instance() {
        instanceUrl = new SimClient(simulator, "unused")
                .instanceUrl("us-south", simulator.createEventNotificationsInstance("us-south"));
    }

    @Test
    void issuesBearerTokensForAnyKey() {
        simulator.resetStats();
        SimClient client = new SimClient(simulator, "any-key");
        SimClient.Response response = client.requestToken("any-key");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.get("expiration").asLong())
                .isBetween(Instant.now().getEpochSecond() + 3590, Instant.now().getEpochSecond() + 3600);
        assertThat(body.get("refresh_token").asText()).isNotBlank();
        assertThat(body.get("access_token").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(client.requestToken("any-key").json().get("access_token").asText())
                .isNotEqualTo(body.get("access_token").asText());
        assertThat(simulator.iamStats().calls()).isEqualTo(2);
        assertThat(simulator.iamStats().status(200)).isEqualTo(2);
    }

    @Test
    void refusesRevokedKeysWithIamErrorBody() {
        SimClient client = new SimClient(simulator, "revoked-key");
        String tokenBefore = client.token();
        simulator.revokeApiKey("revoked-key");

        SimClient.Response refused = client.requestToken("revoked-key");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errorCode").asText()).isEqualTo("BXNIM0415E");
        assertThat(refused.json().get("errorMessage").asText()).isEqualTo("Provided API key could not be found.");
        assertThat(refused.json().get("context").get("requestId").asText()).isNotBlank();
        // tokens issued before the revocation live on until they expire, as IAM's do
        assertThat(client.get(instanceUrl + "/sources").status()).isEqualTo(200);
        assertThat(tokenBefore).isNotBlank();

        simulator.restoreApiKey("revoked-key");
        assertThat(client.requestToken("revoked-key").status()).isEqualTo(200);
    }

    @Test
    void refusesEmptyKeysAndOtherGrantTypes() {
        SimClient client = new SimClient(simulator, "k");
        assertThat(client.requestToken("").json().get("errorCode").asText()).isEqualTo("BXNIM0415E");

        SimClient.Response wrongGrant =
                client.send(HttpRequest.newBuilder(URI.create(simulator.iamUrl() + "/identity/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&apikey=k"))
                        .build());
        assertThat(wrongGrant.status()).isEqualTo(400);
        assertThat(wrongGrant.json().get("errorCode").asText())
                .startsWith("BXNIM")
                .isNotEqualTo("BXNIM0415E");
    }

    @Test
    void tokensStopWorkingWhenTheyExpire() {
        try (IbmCloudSimulator shortLived = SimulatorFixture.regions("us-south")
                .with(builder -> builder.tokenTtl(Duration.ofSeconds(2)))
                .startNow()) {
            SimClient client = new SimClient(shortLived, "short-lived");
            String sources = client.instanceUrl("us-south", shortLived.createEventNotificationsInstance("us-south"))
                    + "/sources";
            assertThat(client.requestToken("short-lived")
                            .json()
                            .get("expires_in")
                            .asLong())
                    .isEqualTo(2);
            assertThat(client.get(sources).status()).isEqualTo(200);

            Awaitility.await()
                    .atMost(Duration.ofSeconds(6))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> client.get(sources).status() == 401);
            assertThat(client.get(sources)
                            .json()
                            .get("errors")
                            .get(0)
                            .get("message")
                            .asText())
                    .contains("expired");
        }
    }

    @Test
    void expireAllTokensForcesNewTokens() {
        SimClient client = new SimClient(simulator, "expiring");
        assertThat(client.get(instanceUrl + "/sources").status()).isEqualTo(200);

        simulator.expireAllTokens();

        IbmErrorAssert.assertIbmError(client.get(instanceUrl + "/sources"), 401);
        client.forgetToken();
        assertThat(client.get(instanceUrl + "/sources").status()).isEqualTo(200);
    }
}
