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

/** A domain name is unique per region: mapped in every region at once, by one project per region. */
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

    private static String status(CeFixtures fixtures, String domain) {
        return fixtures.get("domain_mappings", domain).get("status").asText();
    }

    private static String reason(CeFixtures fixtures, String domain) {
        return fixtures.get("domain_mappings", domain)
                .get("status_details")
                .get("reason")
                .asText();
    }

    @Test
    void aDomainIsMappedInEveryRegionAtOnceEachWithItsOwnCnameTarget() {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(200));
        CeFixtures primary = project("us-south");
        CeFixtures standby = project("eu-de");

        JsonNode created = primary.create("domain_mappings", mapping("www.shop.example.com"));
        JsonNode second = standby.create("domain_mappings", mapping("www.shop.example.com"));

        assertThat(created.get("status").asText()).isEqualTo("deploying");
        assertThat(created.get("cname_target").asText())
                .matches("custom\\.[a-z0-9]{11}\\.us-south\\.codeengine\\.appdomain\\.cloud");
        assertThat(second.get("cname_target").asText()).contains(".eu-de.");
        assertThat(created.get("visibility").asText()).isEqualTo("custom");
        assertThat(created.get("user_managed").asBoolean()).isTrue();
        CeFixtures.eventually()
                .until(() -> status(primary, "www.shop.example.com").equals("ready")
                        && status(standby, "www.shop.example.com").equals("ready"));
    }

    @Test
    void aSecondMappingOfTheNameInOneRegionFailsUntilTheHolderIsGone() {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ofSeconds(1));
        CeFixtures holder = project("us-south");
        CeFixtures rival = project("us-south");
        holder.create("domain_mappings", mapping("www.rival.example.com"));

        JsonNode accepted = rival.create("domain_mappings", mapping("www.rival.example.com"));

        assertThat(accepted.get("status").asText()).isEqualTo("deploying");
        CeFixtures.eventually()
                .until(() -> status(rival, "www.rival.example.com").equals("failed"));
        assertThat(reason(rival, "www.rival.example.com")).isEqualTo("domain_already_claimed");
        assertThat(status(holder, "www.rival.example.com")).isEqualTo("ready");

        client.delete(holder.url("domain_mappings", "www.rival.example.com"));
        assertThat(status(rival, "www.rival.example.com")).isEqualTo("failed");
        CeFixtures.eventually()
                .until(() -> status(rival, "www.rival.example.com").equals("ready"));
    }

    @Test
    void deletingTheProjectReleasesItsDomains() {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(100));
        CeFixtures doomed = project("eu-de");
        CeFixtures heir = project("eu-de");
        doomed.create("domain_mappings", mapping("www.moving.example.com"));

        heir.create("domain_mappings", mapping("www.moving.example.com"));
        CeFixtures.eventually()
                .until(() -> status(heir, "www.moving.example.com").equals("failed"));

        client.delete(doomed.project());

        CeFixtures.eventually()
                .until(() -> status(heir, "www.moving.example.com").equals("ready"));
    }

    @Test
    void aMappingWhoseAppIsGoneFails() {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ZERO);
        CeFixtures fixtures = project("us-south");
        fixtures.create("domain_mappings", mapping("www.orphan.example.com"));

        client.delete(fixtures.url("apps", "web"));

        CeFixtures.eventually()
                .until(() -> status(fixtures, "www.orphan.example.com").equals("failed"));
        assertThat(reason(fixtures, "www.orphan.example.com")).isEqualTo("app_ref_failed");
    }

    @Test
    void concurrentClaimsFromManyProjectsLetExactlyOnePerRegionHoldTheName() throws Exception {
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
        assertThat(statuses).containsOnly(201);
        CeFixtures.eventually()
                .until(() -> projects.stream()
                        .noneMatch(p -> status(p, "www.race.example.com").equals("deploying")));
        for (String region : List.of("us-south", "eu-de")) {
            assertThat(projects.stream()
                            .filter(p -> p.get("domain_mappings", "www.race.example.com")
                                    .get("region")
                                    .asText()
                                    .equals(region))
                            .map(p -> reason(p, "www.race.example.com")))
                    .as(region)
                    .containsOnly("ready", "domain_already_claimed")
                    .filteredOn("ready"::equals)
                    .hasSize(1);
        }
    }
}
