package dev.regionguard.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.Conditions;
import dev.regionguard.api.SyncMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probes report the operator's real state; /metrics carries JOSDK's and RegionGuard's metrics. */
class OperatorHttpServerTest {
    private static OperatorHarness harness;
    private static OperatorHttpServer http;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
        http = new OperatorHttpServer(
                0,
                () -> harness.operator().operator().getRuntimeInfo(),
                harness.operator().registry());
    }

    @AfterAll
    static void stop() {
        http.close();
        harness.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void probesAnswerFromTheOperatorsState() throws Exception {
        assertThat(get("/healthz/started").statusCode()).isEqualTo(200);
        assertThat(get("/healthz/live").statusCode()).isEqualTo(200);
        assertThat(get("/healthz/ready").statusCode()).isEqualTo(200);
        assertThat(get("/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void metricsShowTheRecoveryPointOfEachStandbyAndTheIbmCalls() {
        EnFixture en = new EnFixture(harness, "metrics", 10);
        en.material();
        harness.apply(en.protection(SyncMode.Mirror, "1h"));
        harness.awaitStatus(en.name, Duration.ofSeconds(30), s -> Conditions.isTrue(s.conditions, Conditions.READY));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = get("/metrics").body();
            assertThat(metrics)
                    .contains("regionguard_standby_seconds_since_last_sync{")
                    .contains("name=\"metrics\"")
                    .contains("region=\"us-east\"")
                    .contains("regionguard_standby_ready{")
                    .contains("regionguard_sync_interval_seconds{")
                    .contains("regionguard_credentials_valid{")
                    .containsPattern("regionguard_failover_ready\\{[^}]*name=\"metrics\"[^}]*} [01]\\.0")
                    .containsPattern(
                            "regionguard_region_last_probe_timestamp_seconds\\{[^}]*region=\"us-east\"[^}]*} 1\\.\\d+E9")
                    .containsPattern("regionguard_health_check_interval_seconds\\{[^}]*name=\"metrics\"[^}]*} [1-9]")
                    .contains("regionguard_ibm_api_calls_total{")
                    .contains("service=\"event_notifications\"")
                    .contains("operator_sdk_");
        });
    }
}
