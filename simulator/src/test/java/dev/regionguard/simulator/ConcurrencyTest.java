package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrencyTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south");

    private static IbmCloudSimulator simulator;
    private static SimClient client;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
    }

    private static List<Integer> postAll(String url, List<String> names) throws Exception {
        HttpClient http = SimClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (String name : names) {
            HttpRequest request = client.authorized(url)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                    .build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            statuses.add(call.get(10, TimeUnit.SECONDS).statusCode());
        }
        return statuses;
    }

    @Test
    void concurrentCreatesOfDistinctEntitiesAllSucceed() throws Exception {
        String base = client.instanceUrl("us-south", simulator.createEventNotificationsInstance("us-south"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            names.add("parallel-" + i);
        }

        assertThat(postAll(base + "/sources", names)).containsOnly(201);
        assertThat(client.get(base + "/sources?limit=100")
                        .json()
                        .get("total_count")
                        .asInt())
                .isEqualTo(62);
    }

    @Test
    void concurrentCreatesOfOneNameLetExactlyOneWin() throws Exception {
        String base = client.instanceUrl("us-south", simulator.createEventNotificationsInstance("us-south"));

        List<Integer> statuses = postAll(base + "/sources", java.util.Collections.nCopies(30, "contested"));

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(29);
    }
}
