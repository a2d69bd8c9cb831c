package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A domain is mapped by one project at a time, across all projects of all regions. */
class CeDomainClaimsTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private static IbmCloudSimulator simulator;
    private static SimClient client;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
    }

    /** A project with an app {@code web} and a tls secret {@code tls}. */
    private static CeFixtures project(String region) {
        CeFixtures fixtures = new CeFixtures(
                client, CeFixtures.projectUrl(simulator, region, simulator.createCodeEngineProject(region)));
        fixtures.app("web");
        fixtures.secret("tls", "tls");
        return fixtures;
    }

    private static ObjectNode mapping(String domain) {
        return CeFixtures.component(SimClient.object().put("name", domain).put("tls_secret", "tls"), "web", "app_v2");
    }

    @Test
    void aClaimedDomainIs409InOtherProjectsOfAnyRegionUntilItsMappingIsGone() {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(200));
        CeFixtures primary = project("us-south");
        CeFixtures sameRegion = project("us-south");
        CeFixtures standby = project("eu-de");

        JsonNode created = primary.create("domain_mappings", mapping("www.shop.example.com"));
        assertThat(created.get("cname_target").asText())
                .matches("custom\\.[a-z0-9]{11}\\.us-south\\.codeengine\\.appdomain\\.cloud");
        assertThat(created.get("status").asText()).isEqualTo("ready");
        assertThat(created.get("visibility").asText()).isEqualTo("custom");
        assertThat(created.get("user_managed").asBoolean()).isTrue();

        for (CeFixtures other : List.of(sameRegion, standby)) {
            JsonNode error = IbmErrorAssert.assertIbmError(
                    client.post(other.url("domain_mappings"), mapping("www.shop.example.com")), 409);
            assertThat(error.get("code").asText()).isEqualTo("domain_already_claimed");
        }
        IbmErrorAssert.assertIbmError(
                client.post(primary.url("domain_mappings"), mapping("www.shop.example.com")), 409);
        standby.create("domain_mappings", mapping("api.shop.example.com"));

        client.delete(primary.url("domain_mappings", "www.shop.example.com"));
        JsonNode stillHeld = IbmErrorAssert.assertIbmError(
                client.post(standby.url("domain_mappings"), mapping("www.shop.example.com")), 409);
        assertThat(stillHeld.get("code").asText()).isEqualTo("domain_already_claimed");

        CeFixtures.eventually()
                .until(() -> client.post(standby.url("domain_mappings"), mapping("www.shop.example.com"))
                                .status()
                        == 201);
        assertThat(standby.get("domain_mappings", "www.shop.example.com")
                        .get("cname_target")
                        .asText())
                .contains(".eu-de.");
    }

    @Test
    void deletingTheProjectReleasesItsDomains() {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(100));
        CeFixtures doomed = project("eu-de");
        CeFixtures heir = project("us-south");
        doomed.create("domain_mappings", mapping("www.moving.example.com"));

        client.delete(doomed.project());

        CeFixtures.eventually()
                .until(() -> client.post(heir.url("domain_mappings"), mapping("www.moving.example.com"))
                                .status()
                        == 201);
    }

    @Test
    void aMappingWhoseAppIsGoneFails() {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ZERO);
        CeFixtures fixtures = project("us-south");
        fixtures.create("domain_mappings", mapping("www.orphan.example.com"));

        client.delete(fixtures.url("apps", "web"));

        JsonNode orphan = fixtures.get("domain_mappings", "www.orphan.example.com");
        assertThat(orphan.get("status").asText()).isEqualTo("failed");
        assertThat(orphan.get("status_details").get("reason").asText()).isEqualTo("app_ref_failed");
    }

    @Test
    void concurrentClaimsFromManyProjectsLetExactlyOneWin() throws Exception {
        List<CeFixtures> projects = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            projects.add(project(i % 2 == 0 ? "us-south" : "eu-de"));
        }
        HttpClient http = SimClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (CeFixtures fixtures : projects) {
            HttpRequest request = client.authorized(fixtures.url("domain_mappings"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            mapping("www.race.example.com").toString()))
                    .build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            statuses.add(call.get().statusCode());
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(11);
    }
}
