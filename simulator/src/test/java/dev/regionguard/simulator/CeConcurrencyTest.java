package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CeConcurrencyTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("ca-tor");

    private static IbmCloudSimulator simulator;
    private static SimClient client;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
    }

    private static List<Integer> sendAll(List<HttpRequest> requests) throws Exception {
        HttpClient http = SimClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        requests.forEach(request -> calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())));
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            statuses.add(call.get(10, TimeUnit.SECONDS).statusCode());
        }
        return statuses;
    }

    private static HttpRequest post(String url, String json) {
        return client.authorized(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static CeFixtures newProject() {
        return CeFixtures.inNewProject(simulator, client, "ca-tor");
    }

    @Test
    void parallelCreatesOfDistinctAppsAllSucceed() throws Exception {
        CeFixtures fixtures = newProject();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            requests.add(post(
                    fixtures.url("apps"),
                    CeFixtures.appBody("app-" + i, CeFixtures.IMAGE).toString()));
        }

        assertThat(sendAll(requests)).containsOnly(201);
        assertThat(client.get(fixtures.url("apps") + "?limit=100").json().get("apps"))
                .hasSize(60);
    }

    @Test
    void parallelCreatesOfOneNameLetExactlyOneWin() throws Exception {
        CeFixtures fixtures = newProject();
        String body = CeFixtures.secretBody("contested", "generic").toString();

        List<Integer> statuses = sendAll(Collections.nCopies(30, post(fixtures.url("secrets"), body)));

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(29);
    }

    @Test
    void parallelPatchesWithOneTagLetExactlyOneWin() throws Exception {
        CeFixtures fixtures = newProject();
        fixtures.app("contended");
        String tag = client.get(fixtures.url("apps", "contended")).header("ETag");
        List<HttpRequest> requests = new ArrayList<>();
        // Every patch really changes the app (the default max is 10): a no-op patch keeps the tag and
        // would let a second writer through.
        for (int i = 1; i <= 20; i++) {
            requests.add(client.authorized(fixtures.url("apps", "contended"))
                    .header("Content-Type", "application/merge-patch+json")
                    .header("If-Match", tag)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"scale_max_instances\":" + (100 + i) + "}"))
                    .build());
        }

        List<Integer> statuses = sendAll(requests);

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(19);
        assertThat(fixtures.get("apps", "contended")
                        .get("status_details")
                        .get("latest_created_revision")
                        .asText())
                .isEqualTo("contended-00002");
    }
}
