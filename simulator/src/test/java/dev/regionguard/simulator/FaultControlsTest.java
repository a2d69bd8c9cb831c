package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultControlsTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-gb");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static String usSouth;
    private static String euGb;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        usSouth = client.instanceUrl("us-south", simulator.createEventNotificationsInstance("us-south")) + "/sources";
        euGb = client.instanceUrl("eu-gb", simulator.createEventNotificationsInstance("eu-gb")) + "/sources";
        client.token();
    }

    @Test
    void unavailableAnswers503OnlyInThatRegion() {
        simulator.faults("us-south").down(DownMode.UNAVAILABLE);

        IbmErrorAssert.assertIbmError(client.get(usSouth), 503);
        assertThat(client.get(euGb).status()).isEqualTo(200);
        assertThat(client.requestToken("other-key").status()).isEqualTo(200);

        simulator.faults("us-south").up();
        assertThat(client.get(usSouth).status()).isEqualTo(200);
    }

    @Test
    void connectionResetClosesWithoutAnAnswer() {
        simulator.faults("us-south").down(DownMode.CONNECTION_RESET);

        assertThatThrownBy(() -> client.get(usSouth)).isInstanceOf(UncheckedIOException.class);
        assertThat(simulator.stats("us-south").byStatus()).containsKey(CallStats.NO_RESPONSE);

        simulator.faults("us-south").up();
        assertThat(client.get(usSouth).status()).isEqualTo(200);
    }

    @Test
    void blackholeHoldsCallsUntilTheRegionComesUp() throws Exception {
        simulator.faults("us-south").down(DownMode.BLACKHOLE);
        HttpRequest shortTimeout =
                client.authorized(usSouth).timeout(Duration.ofMillis(300)).GET().build();
        assertThatThrownBy(() -> client.http().send(shortTimeout, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        simulator.resetStats();
        // a POST, because the JDK client silently retries a GET whose connection closes
        HttpRequest create = client.authorized(usSouth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"held-source\"}"))
                .build();
        CompletableFuture<HttpResponse<String>> held =
                SimClient.newHttpClient().sendAsync(create, HttpResponse.BodyHandlers.ofString());
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> simulator.stats("us-south").calls() >= 1);
        assertThat(held).isNotDone();

        simulator.faults("us-south").up();

        assertThatThrownBy(() -> held.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
        SimClient.Response after = client.get(usSouth);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).doesNotContain("held-source");
    }

    @Test
    void latencyDelaysEveryCallWithoutSerialisingThem() throws Exception {
        simulator.faults("us-south").latency(Duration.ofMillis(400));

        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        HttpClient http = SimClient.newHttpClient();
        for (int i = 0; i < 20; i++) {
            calls.add(http.sendAsync(client.authorized(usSouth).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isBetween(400L, 3_000L);
        long single = System.nanoTime();
        assertThat(client.get(euGb).status()).isEqualTo(200);
        assertThat((System.nanoTime() - single) / 1_000_000).isLessThan(400);
    }

    @Test
    void throttleAnswers429WithRetryAfterForTheNextCalls() {
        simulator.faults("us-south").throttle(2, Duration.ofMillis(1500));

        SimClient.Response first = client.get(usSouth);
        IbmErrorAssert.assertIbmError(first, 429);
        assertThat(first.header("Retry-After")).isEqualTo("2");
        assertThat(client.get(usSouth).status()).isEqualTo(429);
        assertThat(client.get(usSouth).status()).isEqualTo(200);

        simulator.faults("us-south").throttle(1, Duration.ZERO);
        assertThat(client.get(usSouth).header("Retry-After")).isEqualTo("1");
    }

    @Test
    void errorRateFailsThatFractionRepeatably() {
        List<Integer> firstRun = statuses(0.3, 7);
        List<Integer> secondRun = statuses(0.3, 7);

        assertThat(firstRun).containsOnly(200, 500);
        long failures = firstRun.stream().filter(s -> s == 500).count();
        assertThat(failures).isBetween(10L, 55L);
        assertThat(secondRun).isEqualTo(firstRun);

        simulator.faults("us-south").errorRate(1.0, 1);
        IbmErrorAssert.assertIbmError(client.get(usSouth), 500);
        simulator.faults("us-south").errorRate(0, 1);
        assertThat(client.get(usSouth).status()).isEqualTo(200);
    }

    private static List<Integer> statuses(double rate, long seed) {
        simulator.faults("us-south").errorRate(rate, seed);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            statuses.add(client.get(usSouth).status());
        }
        return statuses;
    }

    @Test
    void clearRestoresHealth() {
        simulator.faults("us-south").down(DownMode.UNAVAILABLE);
        simulator.faults("us-south").throttle(5, Duration.ofSeconds(1));
        simulator.faults("us-south").errorRate(1, 1);

        simulator.faults("us-south").clear();

        assertThat(client.get(usSouth).status()).isEqualTo(200);
    }

    @Test
    void controlCallsIgnoreFaults() {
        simulator.faults("us-south").down(DownMode.UNAVAILABLE);
        SimClient.Response stats = client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/stats"))
                .GET()
                .build());
        assertThat(stats.status()).isEqualTo(200);
    }
}
