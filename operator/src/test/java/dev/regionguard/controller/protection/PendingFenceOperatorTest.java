package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.SyncMode;
import dev.regionguard.api.Timestamps;
import dev.regionguard.eventnotifications.EnKind;
import dev.regionguard.eventnotifications.EventNotificationsClient;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An automatic failover cannot fence the region that is down: the fence waits in the ledger until it answers. */
class PendingFenceOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private OperatorHarness harness;

    @BeforeEach
    void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static boolean apiSourcesDisabled(EventNotificationsClient client) {
        List<Boolean> enabled = client.list(EnKind.SOURCE).stream()
                .filter(s -> "api".equals(s.path("type").asText("api")))
                .map(s -> s.path("enabled").asBoolean(true))
                .toList();
        return !enabled.isEmpty() && !enabled.contains(true);
    }

    private boolean hasEvent(String name, String type, String reason) {
        return harness.events(name).stream()
                .anyMatch((Event e) -> type.equals(e.getType()) && reason.equals(e.getReason()));
    }

    @Test
    void theOldRegionIsFencedWhenItReturnsAndNeverSyncedBefore() {
        EnFixture en = new EnFixture(harness, "pending", 8);
        en.material();
        EventNotificationsProtection enp =
                en.protection(SyncMode.Mirror, "5s"); // the standby stays "ready" for a failover long enough
        enp.getSpec().healthCheck.interval = "1s";
        enp.getSpec().healthCheck.timeout = "500ms";
        enp.getSpec().healthCheck.successThreshold = 1;
        enp.getSpec().failover.mode = FailoverMode.Automatic;
        harness.apply(enp);
        harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> s.regions.size() == 2
                        && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy)
                        && OperatorHarness.everyStandbySynced(s));
        Set<String> oldTopics = EnFixture.names(en.primary, EnKind.TOPIC);

        harness.simulator().faults(EnFixture.PRIMARY).down(DownMode.UNAVAILABLE);
        ProtectionStatus failedOver = harness.awaitStatus(
                en.name, TIMEOUT, s -> EnFixture.STANDBY.equals(s.activeRegion) && !s.pendingFences.isEmpty());
        assertThat(failedOver.pendingFences).containsExactly(EnFixture.PRIMARY);
        assertThat(failedOver.fencedRegions).containsExactly(EnFixture.PRIMARY);
        await().atMost(TIMEOUT).until(() -> hasEvent(en.name, "Warning", "FencePending"));
        assertThat(harness.client()
                        .configMaps()
                        .inNamespace(OperatorHarness.NAMESPACE)
                        .withName(LedgerStore.name(ProtectionKind.EventNotificationsProtection, en.name))
                        .get()
                        .getData())
                .containsEntry("pendingFences", EnFixture.PRIMARY);
        // written on the new active region while the old one is down: a sync must never carry it back
        en.standby.create(
                EnKind.TOPIC,
                new ObjectMapper().createObjectNode().put("name", "while-down").put("description", "x"),
                List.of());

        harness.simulator().faults(EnFixture.PRIMARY).up();
        ProtectionStatus fenced = harness.awaitStatus(en.name, TIMEOUT, s -> s.pendingFences.isEmpty());
        assertThat(hasEvent(en.name, "Normal", "Fenced")).isTrue();
        assertThat(apiSourcesDisabled(en.primary))
                .as("the old region's API sources are disabled")
                .isTrue();
        assertThat(fenced.fencedRegions).containsExactly(EnFixture.PRIMARY);

        // two more sync passes: the fenced region is still not a sync target
        Instant after = Timestamps.parse(fenced.lastSyncTime);
        harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> s.lastSyncTime != null && Timestamps.parse(s.lastSyncTime).isAfter(after.plusSeconds(2)));
        assertThat(EnFixture.names(en.primary, EnKind.TOPIC))
                .isEqualTo(oldTopics)
                .doesNotContain("while-down");
        assertThat(apiSourcesDisabled(en.primary)).isTrue();
    }
}
