package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CePaginationTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-east");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static CeFixtures fixtures;
    private static final List<String> NAMES = new ArrayList<>();

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        fixtures = CeFixtures.inNewProject(simulator, client, "us-east");
        for (int i = 120; i >= 1; i--) {
            String name = String.format("config-%03d", i);
            fixtures.configMap(name);
            NAMES.add(0, name);
        }
    }

    @Test
    void defaultPageIsFiftyInNameOrderWithTokenLinks() {
        JsonNode page = client.get(fixtures.url("config_maps")).json();

        assertThat(page.get("limit").asInt()).isEqualTo(50);
        assertThat(page.get("config_maps")).hasSize(50);
        assertThat(page.get("config_maps").get(0).get("name").asText()).isEqualTo("config-001");
        assertThat(page.has("total_count")).isFalse();
        assertThat(page.get("first").get("href").asText()).isEqualTo(fixtures.url("config_maps") + "?limit=50");
        String start = page.get("next").get("start").asText();
        assertThat(start).isNotBlank().doesNotContain("config");
        assertThat(page.get("next").get("href").asText())
                .isEqualTo(fixtures.url("config_maps") + "?limit=50&start=" + start);
    }

    @Test
    void followingNextVisitsEveryItemOnce() {
        List<String> seen = new ArrayList<>();
        String url = fixtures.url("config_maps") + "?limit=35";
        int pages = 0;
        while (url != null) {
            JsonNode page = client.get(url).json();
            page.get("config_maps").forEach(item -> seen.add(item.get("name").asText()));
            url = page.has("next") ? page.get("next").get("href").asText() : null;
            pages++;
        }
        assertThat(pages).isEqualTo(4);
        assertThat(seen).containsExactlyElementsOf(NAMES);

        JsonNode exact = client.get(fixtures.url("config_maps") + "?limit=100").json();
        JsonNode rest = client.get(fixtures.url("config_maps") + "?limit=20&start="
                        + exact.get("next").get("start").asText())
                .json();
        assertThat(rest.get("config_maps")).hasSize(20);
    }

    @Test
    void aTokenStaysValidWhenEarlierItemsGo() {
        simulator.setCodeEngineTimings(Duration.ofMillis(50), Duration.ZERO);
        String start = client.get(fixtures.url("config_maps") + "?limit=10")
                .json()
                .get("next")
                .get("start")
                .asText();
        fixtures.configMap("aaa-new-first");
        client.delete(fixtures.url("config_maps", "config-005"));

        JsonNode next = client.get(fixtures.url("config_maps") + "?limit=10&start=" + start)
                .json();

        assertThat(next.get("config_maps").get(0).get("name").asText()).isEqualTo("config-011");
        client.delete(fixtures.url("config_maps", "aaa-new-first"));
        fixtures.configMap("config-005");
    }

    @Test
    void badLimitsAndTokensAre400() {
        IbmErrorAssert.assertIbmError(client.get(fixtures.url("config_maps") + "?limit=0"), 400);
        IbmErrorAssert.assertIbmError(client.get(fixtures.url("config_maps") + "?limit=101"), 400);
        IbmErrorAssert.assertIbmError(client.get(fixtures.url("config_maps") + "?limit=many"), 400);
        IbmErrorAssert.assertIbmError(client.get(fixtures.url("config_maps") + "?start=not-a-token!"), 400);
        assertThat(client.get(fixtures.url("config_maps") + "?limit=100").json().get("config_maps"))
                .hasSize(100);
    }

    @Test
    void secretFiltersByFormatAndKeepsTheFilterInLinks() {
        for (int i = 0; i < 3; i++) {
            fixtures.secret("tls-" + i, "tls");
        }
        JsonNode page =
                client.get(fixtures.url("secrets") + "?format=tls&limit=2").json();

        assertThat(page.get("secrets"))
                .hasSize(2)
                .allMatch(s -> s.get("format").asText().equals("tls"));
        assertThat(page.get("next").get("href").asText()).contains("format=tls");
        JsonNode last = client.get(page.get("next").get("href").asText()).json();
        assertThat(last.get("secrets")).hasSize(1);
        assertThat(last.has("next")).isFalse();
    }
}
