package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaginationTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static String base;
    private static final List<String> CREATED = new ArrayList<>();

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        base = client.instanceUrl("us-south", simulator.createEventNotificationsInstance("us-south"));
        Fixtures fixtures = new Fixtures(client, base);
        String source = fixtures.source("pager-source");
        for (int i = 1; i <= 25; i++) {
            String name = String.format("topic-%02d", i);
            fixtures.topic(name, source);
            CREATED.add(name);
        }
    }

    @Test
    void firstPageUsesTheDefaultLimitAndLinksToTheNext() {
        JsonNode page = client.get(base + "/topics").json();

        assertThat(page.get("total_count").asInt()).isEqualTo(25);
        assertThat(page.get("offset").asInt()).isZero();
        assertThat(page.get("limit").asInt()).isEqualTo(10);
        assertThat(page.get("topics")).hasSize(10);
        assertThat(page.has("previous")).isFalse();
        assertThat(page.get("first").get("href").asText()).isEqualTo(base + "/topics?limit=10&offset=0");
        assertThat(page.get("next").get("href").asText()).isEqualTo(base + "/topics?limit=10&offset=10");
    }

    @Test
    void middleAndLastPages() {
        JsonNode middle = client.get(base + "/topics?limit=10&offset=10").json();
        assertThat(middle.get("previous").get("href").asText()).endsWith("?limit=10&offset=0");
        assertThat(middle.get("next").get("href").asText()).endsWith("?limit=10&offset=20");

        JsonNode last = client.get(base + "/topics?limit=10&offset=20").json();
        assertThat(last.get("topics")).hasSize(5);
        assertThat(last.has("next")).isFalse();
        assertThat(last.get("previous").get("href").asText()).endsWith("?limit=10&offset=10");

        JsonNode exact = client.get(base + "/topics?limit=5&offset=20").json();
        assertThat(exact.has("next")).isFalse();
        JsonNode beyond = client.get(base + "/topics?offset=40").json();
        assertThat(beyond.get("topics")).isEmpty();
        assertThat(beyond.get("total_count").asInt()).isEqualTo(25);
    }

    @Test
    void followingNextVisitsEveryItemOnceInCreationOrder() {
        List<String> names = new ArrayList<>();
        String url = base + "/topics?limit=7";
        int pages = 0;
        while (url != null) {
            JsonNode page = client.get(url).json();
            page.get("topics").forEach(t -> names.add(t.get("name").asText()));
            url = page.has("next") ? page.get("next").get("href").asText() : null;
            pages++;
        }
        assertThat(pages).isEqualTo(4);
        assertThat(names).containsExactlyElementsOf(CREATED);
    }

    @Test
    void limitAndOffsetOutOfRangeAre400() {
        IbmErrorAssert.assertIbmError(client.get(base + "/topics?limit=0"), 400);
        IbmErrorAssert.assertIbmError(client.get(base + "/topics?limit=101"), 400);
        IbmErrorAssert.assertIbmError(client.get(base + "/topics?limit=ten"), 400);
        IbmErrorAssert.assertIbmError(client.get(base + "/topics?offset=-1"), 400);
        IbmErrorAssert.assertIbmError(client.get(base + "/topics?search=" + "x".repeat(101)), 400);
        assertThat(client.get(base + "/topics?limit=100").json().get("topics")).hasSize(25);
    }

    @Test
    void searchFiltersByNameAndKeepsItInLinks() {
        JsonNode page = client.get(base + "/topics?search=topic-1&limit=5").json();
        assertThat(page.get("total_count").asInt()).isEqualTo(10);
        assertThat(page.get("topics"))
                .extracting(t -> t.get("name").asText())
                .containsExactly("topic-10", "topic-11", "topic-12", "topic-13", "topic-14");
        assertThat(page.get("next").get("href").asText()).endsWith("?limit=5&offset=5&search=topic-1");
    }
}
