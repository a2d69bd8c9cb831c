package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.SyncMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import dev.regionguard.testing.RecordingKubernetesClient;
import dev.regionguard.testing.RecordingKubernetesClient.Request;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Least privilege in practice: while a protection syncs and while a Secret it references changes,
 * the operator reads Secrets and ConfigMaps by name. It never watches either, never lists
 * ConfigMaps, and lists Secrets only with the label selector of the SMTP user Secrets it creates
 * itself; the changed Secret still reaches the standby.
 */
class ReferencedObjectsByNameOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static OperatorHarness harness;
    private static RecordingKubernetesClient recording;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
        recording = new RecordingKubernetesClient(harness.client());
        harness.restartOperator(recording.client());
    }

    @AfterAll
    static void stop() {
        harness.close();
        recording.close();
    }

    @Test
    void secretsAndConfigMapsAreReadByNameAndAChangedSecretStillReachesTheStandby() {
        EnFixture en = new EnFixture(harness, "byname", 20);
        en.material();
        harness.apply(
                en.protection(SyncMode.Mirror, "1h")); // no timer sync within the test: the change must trigger it
        harness.awaitStatus(en.name, TIMEOUT, s -> Conditions.isTrue(s.conditions, Conditions.READY));

        Map.Entry<String, Map<String, String>> destination =
                new TreeMap<>(en.manifest.destinationSecrets()).firstEntry();
        String key = new TreeMap<>(destination.getValue()).firstKey();
        Map<String, String> rotated = new TreeMap<>(destination.getValue());
        rotated.put(key, destination.getValue().get(key) + "-rotated");
        harness.secret(en.secretName(destination.getKey()), rotated);

        // Read again after REFRESH, seen by the next pass (at most the max reconcile interval, 10 s, later).
        await().atMost(ReferencedObjects.REFRESH.multipliedBy(2).plusSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> standbyValue(en, destination.getKey(), key),
                        v -> rotated.get(key).equals(v));

        List<Request> secrets = on("secrets");
        assertThat(secrets)
                .as("the referenced Secrets, read by name")
                .anyMatch(r -> r.method().equals("GET") && r.uri().getPath().endsWith("/" + en.name + "-apikey"));
        assertThat(secrets).noneMatch(Request::watches);
        assertThat(secrets)
                .filteredOn(Request::listsOrWatches)
                .allSatisfy(r -> assertThat(r.uri().getRawQuery())
                        .as("a Secret list selects RegionGuard's own SMTP user Secrets")
                        .contains("labelSelector=regionguard.dev%2Fprotection-uid"));
        assertThat(on("configmaps"))
                .as("ConfigMaps: read by name, never listed or watched")
                .anyMatch(r -> r.method().equals("GET") && r.uri().getPath().endsWith("/" + en.name + "-templates"))
                .noneMatch(Request::listsOrWatches);
    }

    private static String standbyValue(EnFixture en, String destination, String key) {
        ObjectNode snapshot = harness.simulator().eventNotificationsSnapshot(EnFixture.STANDBY, en.standbyId);
        for (JsonNode d : snapshot.path("destinations")) {
            if (destination.equals(d.path("name").asText())) {
                JsonNode params = d.path("config").path("params");
                return key.startsWith("header.")
                        ? params.path("custom_headers")
                                .path(key.substring("header.".length()))
                                .asText()
                        : params.path(key).asText();
            }
        }
        return null;
    }

    /** Requests of the operator's client on the core resource {@code plural}, in any namespace. */
    private static List<Request> on(String plural) {
        return recording.requests().stream()
                .filter(r -> r.uri().getPath().startsWith("/api/v1/"))
                .filter(r -> List.of(r.uri().getPath().split("/")).contains(plural))
                .toList();
    }
}
