package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EnInstanceRef;
import dev.regionguard.api.EnStandby;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.SyncMode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.eventnotifications.EnKind;
import dev.regionguard.eventnotifications.EventNotificationsClient;
import dev.regionguard.eventnotifications.HttpEventNotificationsClients;
import dev.regionguard.failover.ActiveRegionDecision;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger with the real operator on the embedded API and the simulator: a protection deleted and
 * re-applied after a failover, with its RegionFailovers pruned too (an Argo CD prune, a namespace restore).
 */
class ActiveRegionLedgerOperatorTest {
    private static final String THIRD = "eu-de";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private OperatorHarness harness;

    @BeforeEach
    void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY, THIRD);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static EventNotificationsProtection fast(EventNotificationsProtection enp) {
        enp.getSpec().healthCheck.interval = "1s";
        enp.getSpec().healthCheck.timeout = "500ms";
        enp.getSpec().healthCheck.successThreshold = 1;
        return enp;
    }

    private ProtectionStatus awaitReadyAndHealthy(String name, int regions) {
        return harness.awaitStatus(
                name,
                TIMEOUT,
                s -> Conditions.isTrue(s.conditions, Conditions.READY)
                        && s.regions.size() == regions
                        && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy));
    }

    /** A manual failover to the standby (the old primary answers, so it is fenced), then the CR and RFO deleted. */
    private void failOverThenDeleteEverything(EnFixture en) {
        harness.requestFailover(en.name + "-out", en.name, FailoverType.Failover, EnFixture.STANDBY, false);
        harness.awaitFailover(en.name + "-out", TIMEOUT, FailoverPhase.Succeeded);
        harness.awaitStatus(en.name, TIMEOUT, s -> Long.valueOf(1).equals(s.epoch) && s.failover == null);
        assertThat(ledger(en.name).getData())
                .containsEntry("activeRegion", EnFixture.STANDBY)
                .containsEntry("epoch", "1");
        harness.client()
                .resources(RegionFailover.class)
                .inNamespace(OperatorHarness.NAMESPACE)
                .withName(en.name + "-out")
                .delete();
        harness.client()
                .resources(EventNotificationsProtection.class)
                .inNamespace(OperatorHarness.NAMESPACE)
                .withName(en.name)
                .delete();
        await().atMost(TIMEOUT)
                .until(() -> harness.get(en.name) == null
                        && harness.failoversOf(en.name).isEmpty());
    }

    private ConfigMap ledger(String name) {
        return harness.client()
                .configMaps()
                .inNamespace(OperatorHarness.NAMESPACE)
                .withName(LedgerStore.name(ProtectionKind.EventNotificationsProtection, name))
                .get();
    }

    private static boolean apiSourcesDisabled(EventNotificationsClient client) {
        return client.list(EnKind.SOURCE).stream()
                .filter(s -> "api".equals(s.path("type").asText("api")))
                .noneMatch(s -> s.path("enabled").asBoolean(true));
    }

    private static ObjectNode topic(String name) {
        return JSON.createObjectNode().put("name", name).put("description", "created after the re-apply");
    }

    @Test
    void aProtectionReappliedAfterAFailoverKeepsSyncingFromTheActiveRegion() {
        EnFixture en = new EnFixture(harness, "reapplied", 8);
        en.material();
        String thirdId = harness.simulator().createEventNotificationsInstance(THIRD);
        EventNotificationsProtection original = fast(en.protection(SyncMode.Mirror, "2s"));
        original.getSpec().standbys =
                List.of(new EnStandby(EnFixture.STANDBY, en.standbyId), new EnStandby(THIRD, thirdId));
        harness.apply(original);
        awaitReadyAndHealthy(en.name, 3);
        failOverThenDeleteEverything(en);
        long writesToFenced =
                harness.simulator().eventNotificationsStats(EnFixture.PRIMARY).writes();

        // The owner's manifest now names the region that became active; the ledger still knows the
        // old primary is fenced, which the spec cannot say.
        EventNotificationsProtection reapplied = fast(en.protection(SyncMode.Mirror, "2s"));
        reapplied.getSpec().primary = new EnInstanceRef(EnFixture.STANDBY, en.standbyId);
        reapplied.getSpec().standbys =
                List.of(new EnStandby(EnFixture.PRIMARY, en.primaryId), new EnStandby(THIRD, thirdId));
        harness.apply(reapplied);
        en.standby.create(EnKind.TOPIC, topic("after-reapply"), List.of());
        EventNotificationsClient third = HttpEventNotificationsClients.create(
                        harness.endpoints(), HttpSettings.defaults(), CallObserver.NONE)
                .forInstance(THIRD, thirdId, new ApiKey(EnFixture.API_KEY));

        await().atMost(TIMEOUT).until(() -> EnFixture.names(third, EnKind.TOPIC).contains("after-reapply"));
        ProtectionStatus status = harness.awaitStatus(en.name, TIMEOUT, s -> s.activeRegion != null);
        assertThat(status.activeRegion).isEqualTo(EnFixture.STANDBY);
        assertThat(status.epoch).as("the ledger's epoch, not 0").isEqualTo(1L);
        assertThat(status.fencedRegions).containsExactly(EnFixture.PRIMARY);
        assertThat(apiSourcesDisabled(en.primary))
                .as("the fenced region stays fenced")
                .isTrue();
        assertThat(EnFixture.names(en.primary, EnKind.TOPIC)).doesNotContain("after-reapply");
        assertThat(harness.simulator()
                        .eventNotificationsStats(EnFixture.PRIMARY)
                        .writes())
                .as("nothing written to the fenced region")
                .isEqualTo(writesToFenced);
    }

    @Test
    void aConflictingReapplyHoldsUntilTheOnCallEngineerDecides() {
        EnFixture en = new EnFixture(harness, "conflict", 8);
        en.material();
        harness.apply(fast(en.protection(SyncMode.Mirror, "2s")));
        awaitReadyAndHealthy(en.name, 2);
        failOverThenDeleteEverything(en);
        long writesToActive =
                harness.simulator().eventNotificationsStats(EnFixture.STANDBY).writes();
        en.primary.create(EnKind.TOPIC, topic("stale-only"), List.of());

        // The unchanged manifest again: spec.primary is the old primary, which the ledger says is fenced.
        harness.apply(fast(en.protection(SyncMode.Mirror, "2s")));
        ProtectionStatus held =
                harness.awaitStatus(en.name, TIMEOUT, s -> reason(s).equals(ActiveRegionDecision.REASON));
        Condition ready = Conditions.find(held.conditions, Conditions.READY);
        assertThat(ready.isTrue()).isFalse();
        assertThat(ready.message)
                .contains(EnFixture.STANDBY + " is active at epoch 1")
                .contains(EnFixture.PRIMARY + " at epoch 0")
                .contains(ActiveRegionDecision.ANNOTATION + "=REGION@1");
        assertThat(harness.events(en.name)).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo("Warning");
            assertThat(e.getReason()).isEqualTo(ActiveRegionDecision.REASON);
        });

        // a RegionFailover waits for the decision too (a plan would finish within a second otherwise)
        harness.requestFailover(en.name + "-plan", en.name, FailoverType.Plan, null, false);
        annotate(en.name, EnFixture.PRIMARY + "@0"); // a decision taken on an older ledger does not win
        harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> Conditions.find(s.conditions, Conditions.READY).message.contains("stale"));

        RegionFailover waiting = harness.failover(en.name + "-plan");
        assertThat(waiting.getStatus() == null || waiting.getStatus().steps.isEmpty())
                .as("no step of a failover runs during the conflict")
                .isTrue();

        annotate(en.name, EnFixture.STANDBY + "@1");
        ProtectionStatus resolved = harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> Long.valueOf(2).equals(s.epoch) && !reason(s).equals(ActiveRegionDecision.REASON));
        assertThat(resolved.activeRegion).isEqualTo(EnFixture.STANDBY);
        assertThat(resolved.fencedRegions).containsExactly(EnFixture.PRIMARY);
        assertThat(ledger(en.name).getData())
                .containsEntry("activeRegion", EnFixture.STANDBY)
                .containsEntry("epoch", "2");
        assertThat(harness.simulator()
                        .eventNotificationsStats(EnFixture.STANDBY)
                        .writes())
                .as("the stale primary was never synced over the active region")
                .isEqualTo(writesToActive);
        assertThat(EnFixture.names(en.standby, EnKind.TOPIC)).doesNotContain("stale-only");
        RegionFailover plan = await().atMost(TIMEOUT)
                .until(
                        () -> harness.failover(en.name + "-plan"),
                        r -> r.getStatus() != null
                                && r.getStatus().phase != null
                                && r.getStatus().phase.isFinal());
        assertThat(plan.getStatus().fromRegion).isIn(null, EnFixture.STANDBY);
    }

    private static String reason(ProtectionStatus status) {
        Condition ready = Conditions.find(status.conditions, Conditions.READY);
        return ready == null || ready.reason == null ? "" : ready.reason;
    }

    private void annotate(String name, String value) {
        harness.edit(EventNotificationsProtection.class, name, p -> {
            p.getMetadata().getAnnotations().put(ActiveRegionDecision.ANNOTATION, value);
            return p;
        });
    }
}
