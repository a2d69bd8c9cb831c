package dev.regionguard.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EnStandby;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.SyncMode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.eventnotifications.EnKind;
import dev.regionguard.eventnotifications.EventNotificationsClient;
import dev.regionguard.eventnotifications.HttpEventNotificationsClients;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Manual failovers, plans and relocations, run by the real operator on the embedded API and the simulator. */
class RegionFailoverOperatorTest {
    static final String THIRD = "eu-de";
    /** Probe settings of every protection in the failover operator tests; each wait is derived from them. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);

    /** Half the interval: a probe of a healthy simulated region on a loaded 2-core machine stays well below. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    /** A sync pass every this long. */
    static final Duration SYNC_INTERVAL = Duration.ofSeconds(5);

    /**
     * How long "nothing happened" is watched: past the failure threshold (3 probes) plus two more probe
     * intervals, and two sync passes, whichever is longer.
     */
    static final Duration QUIET = max(PROBE_INTERVAL.multipliedBy(5), SYNC_INTERVAL.multipliedBy(2));

    /** Awaits of what must happen: 10x the longest of those and more, for a loaded machine. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static OperatorHarness harness;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY, THIRD);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    /** A protection with fast probes; with a third region when asked. Waits until every standby is ready. */
    static Protected protect(OperatorHarness harness, String name, boolean third) {
        EnFixture en = new EnFixture(harness, name, 12);
        en.material();
        EventNotificationsProtection enp = en.protection(SyncMode.Mirror, SYNC_INTERVAL.toSeconds() + "s");
        String thirdId = null;
        if (third) {
            thirdId = harness.simulator().createEventNotificationsInstance(THIRD);
            List<EnStandby> standbys = new ArrayList<>(enp.getSpec().standbys);
            standbys.add(new EnStandby(THIRD, thirdId));
            enp.getSpec().standbys = standbys;
        }
        enp.getSpec().healthCheck.interval = PROBE_INTERVAL.toSeconds() + "s";
        enp.getSpec().healthCheck.timeout = PROBE_TIMEOUT.toMillis() + "ms";
        enp.getSpec().healthCheck.successThreshold = 1;
        enp.getSpec().failover.endpointConfigMap = name + "-endpoint";
        harness.apply(enp);
        int regions = third ? 3 : 2;
        harness.awaitStatus(
                name,
                TIMEOUT,
                s -> Conditions.isTrue(s.conditions, Conditions.READY)
                        && s.regions.size() == regions
                        && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy));
        var clients =
                HttpEventNotificationsClients.create(harness.endpoints(), HttpSettings.defaults(), CallObserver.NONE);
        return new Protected(
                en, thirdId == null ? null : clients.forInstance(THIRD, thirdId, new ApiKey(EnFixture.API_KEY)));
    }

    record Protected(EnFixture en, EventNotificationsClient third) {
        String name() {
            return en.name;
        }
    }

    static boolean apiSourcesEnabled(EventNotificationsClient client, boolean enabled) {
        return client.list(EnKind.SOURCE).stream()
                .filter(s -> "api".equals(s.path("type").asText("api")))
                .allMatch(s -> s.path("enabled").asBoolean(true) == enabled);
    }

    /** enabled per source name: fencing changes it, a relocation or an abort restores it. */
    static java.util.Map<String, Boolean> sourceStates(EventNotificationsClient client) {
        java.util.Map<String, Boolean> states = new java.util.TreeMap<>();
        client.list(EnKind.SOURCE)
                .forEach(s ->
                        states.put(s.path("name").asText(), s.path("enabled").asBoolean(true)));
        return states;
    }

    @Test
    void manualFailoverMakesTheStandbyActiveFencesTheOldPrimaryAndPublishesTheEndpoint() {
        Protected p = protect(harness, "manual", true);
        harness.requestFailover("manual-1", p.name(), FailoverType.Failover, EnFixture.STANDBY, false);

        RegionFailover done = harness.awaitFailover("manual-1", TIMEOUT, FailoverPhase.Succeeded);
        assertThat(done.getStatus().steps)
                .extracting(s -> s.step)
                .containsExactly(
                        FailoverStep.Validating,
                        FailoverStep.Fencing,
                        FailoverStep.Promoting,
                        FailoverStep.Redirecting,
                        FailoverStep.Verifying);
        ProtectionStatus status =
                harness.awaitStatus(p.name(), TIMEOUT, s -> s.failover == null && !s.failoverHistory.isEmpty());
        assertThat(status.activeRegion).isEqualTo(EnFixture.STANDBY);
        assertThat(status.epoch).isEqualTo(1L);
        assertThat(status.fencedRegions).containsExactly(EnFixture.PRIMARY);
        assertThat(status.failoverHistory.get(0).name).isEqualTo("manual-1");
        assertThat(apiSourcesEnabled(p.en().primary, false))
                .as("old primary's API sources disabled")
                .isTrue();

        ConfigMap endpoint = harness.client()
                .configMaps()
                .inNamespace(OperatorHarness.NAMESPACE)
                .withName("manual-endpoint")
                .get();
        assertThat(endpoint.getData())
                .containsEntry("region", EnFixture.STANDBY)
                .containsEntry("epoch", "1")
                .containsEntry("instanceId", p.en().standbyId)
                .containsEntry("endpoint", harness.endpoints().eventNotifications(EnFixture.STANDBY));
        ObjectNode source = p.en().standby.list(EnKind.SOURCE).get(0);
        assertThat(endpoint.getData())
                .containsEntry(
                        "source." + source.path("name").asText(),
                        source.path("id").asText());

        // The sync now flows from the new active region: a change made there reaches the remaining standby.
        ObjectNode topic = p.en().standby.list(EnKind.TOPIC).get(0);
        ObjectNode full = p.en().standby.get(EnKind.TOPIC, topic.get("id").asText());
        ObjectNode update =
                full.objectNode().put("name", full.get("name").asText()).put("description", "changed on us-east");
        update.set("sources", full.get("sources"));
        p.en().standby.update(EnKind.TOPIC, topic.get("id").asText(), update, List.of());
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(p.third().list(EnKind.TOPIC))
                        .anySatisfy(
                                t -> assertThat(t.path("description").asText()).isEqualTo("changed on us-east")));
        // ... and not to the fenced old primary.
        assertThat(p.en().primary.list(EnKind.TOPIC))
                .noneSatisfy(t -> assertThat(t.path("description").asText()).isEqualTo("changed on us-east"));

        // The history keeps what each step took, and the next plan expects each step to take as long.
        FailoverRecord recorded =
                harness.get(p.name()).getStatus().failoverHistory.get(0);
        assertThat(recorded.steps)
                .extracting(d -> d.step)
                .containsExactlyElementsOf(
                        done.getStatus().steps.stream().map(s -> s.step).toList());
        harness.requestFailover("manual-plan", p.name(), FailoverType.Plan, null, false);
        RegionFailover plan = harness.awaitFailover("manual-plan", TIMEOUT, FailoverPhase.Succeeded);
        assertThat(plan.getStatus().plan.expectedSteps)
                .extracting(d -> d.step, d -> d.seconds, d -> d.basis)
                .containsExactlyElementsOf(recorded.steps.stream()
                        .map(d -> tuple(d.step, d.seconds, "the last recorded Failover"))
                        .toList());
    }

    @Test
    void planChangesNothingAndWritesThePlan() {
        Protected p = protect(harness, "plan", false);
        var before = sourceStates(p.en().primary);
        harness.requestFailover("plan-1", p.name(), FailoverType.Plan, null, false);

        RegionFailover done = harness.awaitFailover("plan-1", TIMEOUT, FailoverPhase.Succeeded);
        assertThat(done.getStatus().plan.toRegion).isEqualTo(EnFixture.STANDBY);
        assertThat(done.getStatus().plan.actions).isNotEmpty();
        await().during(QUIET).atMost(QUIET.plus(TIMEOUT)).untilAsserted(() -> {
            ProtectionStatus s = harness.get(p.name()).getStatus();
            assertThat(s.activeRegion).isEqualTo(EnFixture.PRIMARY);
            assertThat(s.epoch).isZero();
        });
        assertThat(sourceStates(p.en().primary)).isEqualTo(before);
    }

    @Test
    void relocateRestoresTheOriginalDirectionAfterAFinalSync() {
        Protected p = protect(harness, "relocate", false);
        var before = sourceStates(p.en().primary);
        harness.requestFailover("relocate-out", p.name(), FailoverType.Failover, null, false);
        harness.awaitFailover("relocate-out", TIMEOUT, FailoverPhase.Succeeded);
        harness.awaitStatus(p.name(), TIMEOUT, s -> EnFixture.STANDBY.equals(s.activeRegion) && s.failover == null);

        harness.requestFailover("relocate-back", p.name(), FailoverType.Relocate, null, false);
        RegionFailover back = harness.awaitFailover("relocate-back", TIMEOUT, FailoverPhase.Succeeded);

        assertThat(back.getStatus().steps)
                .extracting(s -> s.step)
                .startsWith(FailoverStep.Validating, FailoverStep.FinalSync);
        ProtectionStatus status = harness.awaitStatus(p.name(), TIMEOUT, s -> s.epoch == 2 && s.failover == null);
        assertThat(status.activeRegion).isEqualTo(EnFixture.PRIMARY);
        assertThat(status.fencedRegions).isEmpty();
        // The final sync re-enabled the sources that fencing had disabled.
        assertThat(sourceStates(p.en().primary)).isEqualTo(before);
        assertThat(status.failoverHistory).extracting(r -> r.name).containsExactly("relocate-back", "relocate-out");
    }

    @Test
    void aTargetThatIsNotReadyIsRejectedUnlessForced() {
        Protected p = protect(harness, "notready", true);
        harness.simulator().faults(THIRD).down(dev.regionguard.simulator.DownMode.UNAVAILABLE);
        harness.awaitStatus(
                p.name(),
                TIMEOUT,
                s -> s.regions.stream().anyMatch(r -> THIRD.equals(r.region) && r.state == HealthState.Unhealthy));

        harness.requestFailover("notready-1", p.name(), FailoverType.Failover, THIRD, false);
        RegionFailover rejected = harness.awaitFailover("notready-1", TIMEOUT, FailoverPhase.Rejected);
        assertThat(rejected.getStatus().conditions)
                .anySatisfy(c -> assertThat(c.reason).isEqualTo("TargetNotReady"));
        harness.simulator().faults(THIRD).up();

        harness.requestFailover("notready-2", p.name(), FailoverType.Failover, THIRD, true);
        harness.awaitFailover("notready-2", TIMEOUT, FailoverPhase.Succeeded);
        assertThat(harness.awaitStatus(p.name(), TIMEOUT, s -> s.epoch == 1).activeRegion)
                .isEqualTo(THIRD);
    }

    /** Stands for an operator that dies right after recording a step of one RegionFailover. */
    static final class CrashAfter implements FailoverHooks {
        private final String name;
        private final FailoverPhase phase;
        final AtomicBoolean crashed = new AtomicBoolean();

        CrashAfter(String name, FailoverPhase phase) {
            this.name = name;
            this.phase = phase;
        }

        @Override
        public void checkpoint(RegionFailover rfo) {
            if (!rfo.getMetadata().getName().equals(name)) {
                return;
            }
            if (rfo.getStatus() != null && rfo.getStatus().phase == phase) {
                crashed.set(true);
            }
            if (crashed.get()) {
                throw new IllegalStateException("simulated crash after " + phase);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = FailoverPhase.class,
            names = {"Validating", "Fencing", "Promoting", "Redirecting", "Verifying"})
    void aRestartAtAnyStepFinishesTheFailoverExactlyOnce(FailoverPhase phase) {
        String name = "restart-" + phase.name().toLowerCase();
        CrashAfter crash = new CrashAfter(name + "-1", phase);
        harness.restartOperator(crash);
        Protected p = protect(harness, name, false);
        harness.requestFailover(name + "-1", p.name(), FailoverType.Failover, EnFixture.STANDBY, false);
        await().atMost(TIMEOUT).untilTrue(crash.crashed);

        harness.restartOperator(FailoverHooks.NONE);

        RegionFailover done = harness.awaitFailover(name + "-1", TIMEOUT, FailoverPhase.Succeeded);
        assertThat(done.getStatus().epoch).isEqualTo(1L);
        assertThat(done.getStatus().steps).extracting(s -> s.step).doesNotHaveDuplicates();
        ProtectionStatus status =
                harness.awaitStatus(p.name(), TIMEOUT, s -> s.failover == null && !s.failoverHistory.isEmpty());
        assertThat(status.activeRegion).isEqualTo(EnFixture.STANDBY);
        assertThat(status.epoch).isEqualTo(1L);
        assertThat(status.failoverHistory).hasSize(1);
    }

    /** The operator dies with Fencing done and Promoting recorded; the RegionFailover is deleted meanwhile. */
    @Test
    void deletingAfterFencingRanUndoesTheFenceAndKeepsThePrimaryActive() {
        CrashAfter crash = new CrashAfter("abort-1", FailoverPhase.Promoting);
        harness.restartOperator(crash);
        Protected p = protect(harness, "abort", false);
        var before = sourceStates(p.en().primary);
        assertThat(before).containsValue(true);
        harness.requestFailover("abort-1", p.name(), FailoverType.Failover, EnFixture.STANDBY, false);
        await().atMost(TIMEOUT).untilTrue(crash.crashed); // held with Promoting recorded, not performed
        assertThat(apiSourcesEnabled(p.en().primary, false))
                .as("fencing really ran: the old primary's API sources are disabled")
                .isTrue();

        harness.client().resource(harness.failover("abort-1")).delete();
        harness.restartOperator(FailoverHooks.NONE);

        await().atMost(TIMEOUT).until(() -> harness.failover("abort-1") == null);
        assertThat(sourceStates(p.en().primary)).as("fencing undone").isEqualTo(before);
        assertThat(harness.events("abort-1"))
                .anySatisfy(e -> assertThat(e.getMessage())
                        .contains("Aborted: the RegionFailover was deleted in Promoting, before the commit")
                        .contains("us-south stays the active region (restored"));
        ProtectionStatus s = harness.awaitStatus(p.name(), TIMEOUT, st -> st.failover == null);
        assertThat(s.activeRegion).isEqualTo(EnFixture.PRIMARY);
        assertThat(s.epoch).isZero();
        assertThat(s.fencedRegions).isEmpty();
    }
}
