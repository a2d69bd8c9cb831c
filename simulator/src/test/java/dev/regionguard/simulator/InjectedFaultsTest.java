package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InjectedFaultsTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static String sources;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        sources = client.instanceUrl("us-south", simulator.createEventNotificationsInstance("us-south")) + "/sources";
        for (int i = 0; i < 20; i++) {
            client.post(
                    sources,
                    SimClient.object()
                            .put("name", "src-" + i)
                            .put("description", "d")
                            .put("enabled", true));
        }
    }

    @AfterEach
    void heal() {
        simulator.faults("us-south").clear();
    }

    @Test
    void lost504AppliesTheWriteThenAnswers504Once() {
        simulator
                .faults("us-south")
                .inject(Fault.of(FaultKind.LOST_504)
                        .method("POST")
                        .path("/v1/instances/*/sources")
                        .times(1));
        int before = total();

        SimClient.Response lost = client.post(
                sources,
                SimClient.object().put("name", "lost").put("description", "d").put("enabled", true));

        assertThat(lost.status()).isEqualTo(504);
        assertThat(total()).isEqualTo(before + 1);
        assertThat(client.get(sources).status()).isEqualTo(200);
    }

    @Test
    void lostResetClosesAfterProcessing() {
        simulator
                .faults("us-south")
                .inject(Fault.of(FaultKind.LOST_RESET).method("POST").times(1));
        int before = total();

        assertThatThrownBy(() -> client.post(
                        sources,
                        SimClient.object()
                                .put("name", "reset")
                                .put("description", "d")
                                .put("enabled", true)))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(total()).isEqualTo(before + 1);
    }

    @Test
    void listPoisonsRewriteOnlyListAnswers() {
        FaultControls faults = simulator.faults("us-south");
        faults.inject(
                Fault.of(FaultKind.EMPTY_LIST).path("/v1/instances/*/sources").times(1));
        JsonNode empty = client.get(sources + "?limit=5").json();
        assertThat(empty.get("sources")).isEmpty();
        assertThat(empty.get("total_count").asInt()).isZero();

        faults.inject(Fault.of(FaultKind.BARE_LIST).times(1));
        JsonNode bare = client.get(sources + "?limit=5").json();
        assertThat(bare.has("sources")).isFalse();
        assertThat(bare.has("next")).isFalse();

        faults.inject(Fault.of(FaultKind.TRUNCATED_PAGE).times(1));
        assertThat(client.get(sources + "?limit=10").json().get("sources")).hasSize(6);

        faults.inject(Fault.of(FaultKind.MISSING_NEXT).times(1));
        assertThat(client.get(sources + "?limit=5").json().has("next")).isFalse();

        faults.inject(Fault.of(FaultKind.CYCLIC_NEXT).times(1));
        assertThat(client.get(sources + "?limit=5&offset=5")
                        .json()
                        .at("/next/href")
                        .asText())
                .endsWith("limit=5&offset=5");

        int total = total();
        faults.inject(Fault.of(FaultKind.SHIFTED_PAGE).times(1));
        JsonNode shifted = client.get(sources + "?limit=5&offset=5").json();
        assertThat(shifted.get("sources")).hasSize(4);
        assertThat(shifted.get("total_count").asInt()).isEqualTo(total - 1);

        assertThat(client.get(sources + "?limit=5").json().get("sources")).hasSize(5);
    }

    @Test
    void probabilityWithASeedRepeatsAndPathsMustMatch() {
        FaultControls faults = simulator.faults("us-south");
        faults.inject(Fault.of(FaultKind.EMPTY_LIST).path("/v1/instances/*/topics"));
        assertThat(client.get(sources).json().get("sources")).isNotEmpty();
        faults.clearInjected();

        assertThat(emptyPattern(42)).isEqualTo(emptyPattern(42)).contains("E").contains(".");
    }

    @Test
    void controlApiInjectsAndRemovesFaults() {
        String control = simulator.baseUrl() + "/_sim/regions/us-south/faults";
        assertThat(client.send(client.authorized(
                                        control + "?kind=BARE_LIST&method=GET&path=/v1/instances/*/sources&times=2")
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build())
                        .status())
                .isEqualTo(200);
        assertThat(client.get(sources).json().has("sources")).isFalse();

        client.send(client.authorized(control).DELETE().build());
        assertThat(client.get(sources).json().has("sources")).isTrue();
    }

    private String emptyPattern(long seed) {
        simulator.faults("us-south").clearInjected();
        simulator.faults("us-south").inject(Fault.of(FaultKind.EMPTY_LIST).probability(0.5, seed));
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            pattern.append(client.get(sources).json().get("sources").isEmpty() ? 'E' : '.');
        }
        return pattern.toString();
    }

    private int total() {
        return client.get(sources).json().get("total_count").asInt();
    }
}
