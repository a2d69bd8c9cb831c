package dev.regionguard.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health probes in the protection's reconcile and the automatic failover they may start. */
class AutomaticFailoverOperatorTest {
    private static final Duration TIMEOUT = RegionFailoverOperatorTest.TIMEOUT;
    private static final Duration QUIET = RegionFailoverOperatorTest.QUIET;
    private OperatorHarness harness;

    @BeforeEach
    void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private EnFixture protect(String name, FailoverMode mode) {
        EnFixture en = new EnFixture(harness, name, 12);
        en.material();
        var enp = en.protection(
                dev.regionguard.api.SyncMode.Mirror, RegionFailoverOperatorTest.SYNC_INTERVAL.toSeconds() + "s");
        enp.getSpec().healthCheck.interval = RegionFailoverOperatorTest.PROBE_INTERVAL.toSeconds() + "s";
        enp.getSpec().healthCheck.timeout = RegionFailoverOperatorTest.PROBE_TIMEOUT.toMillis() + "ms";
        enp.getSpec().healthCheck.successThreshold = 1;
        enp.getSpec().failover.mode = mode;
        harness.apply(enp);
        harness.awaitStatus(
                name,
                TIMEOUT,
                s -> s.regions.size() == 2
                        && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy)
                        && OperatorHarness.everyStandbySynced(s));
        return en;
    }

    private static HealthState state(ProtectionStatus status, String region) {
        return status.regions.stream()
                .filter(r -> region.equals(r.region))
                .map(r -> r.state)
                .findFirst()
                .orElse(null);
    }

    @Test
    void anOutageOfThePrimaryFailsOverAutomatically() {
        EnFixture en = protect("auto", FailoverMode.Automatic);
        harness.simulator().faults(EnFixture.PRIMARY).down(DownMode.UNAVAILABLE);

        ProtectionStatus status = harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> EnFixture.STANDBY.equals(s.activeRegion) && s.failover == null && !s.failoverHistory.isEmpty());
        assertThat(status.epoch).isEqualTo(1L);
        assertThat(status.fencedRegions).containsExactly(EnFixture.PRIMARY);
        assertThat(status.failoverHistory.get(0).automatic).isTrue();
        List<RegionFailover> rfos = harness.failoversOf(en.name);
        assertThat(rfos).singleElement().satisfies(r -> {
            assertThat(r.getMetadata().getLabels())
                    .containsEntry(RegionFailover.TRIGGER_LABEL, RegionFailover.AUTOMATIC);
            assertThat(r.getStatus().phase).isEqualTo(FailoverPhase.Succeeded);
        });
        String metrics = harness.operator().registry().scrape();
        assertThat(metrics)
                .containsPattern("regionguard_failovers_total\\{[^}]*result=\"succeeded\"[^}]*} 1\\.0")
                .containsPattern("regionguard_failovers_total\\{[^}]*result=\"failed\"[^}]*} 0\\.0")
                .containsPattern("regionguard_region_healthy\\{[^}]*region=\"us-south\"[^}]*} 0\\.0")
                .containsPattern("regionguard_failover_in_progress\\{[^}]*} 0\\.0");
        // Fencing did not wait for the region that is down.
        assertThat(rfos.get(0).getStatus().steps)
                .anySatisfy(s -> assertThat(s.message).contains("not contacted"));
    }

    @Test
    void inManualModeAnOutageIsReportedOnceAndNothingFailsOver() {
        EnFixture en = protect("manual-mode", FailoverMode.Manual);
        harness.simulator().faults(EnFixture.PRIMARY).down(DownMode.UNAVAILABLE);

        ProtectionStatus status =
                harness.awaitStatus(en.name, TIMEOUT, s -> state(s, EnFixture.PRIMARY) == HealthState.Unhealthy);
        RegionStatus primary = status.regions.get(0);
        assertThat(primary.lastError).contains("SERVER");
        await().during(QUIET).atMost(QUIET.plus(TIMEOUT)).untilAsserted(() -> {
            assertThat(harness.failoversOf(en.name)).isEmpty();
            assertThat(harness.get(en.name).getStatus().activeRegion).isEqualTo(EnFixture.PRIMARY);
        });
        assertThat(harness.events(en.name))
                .filteredOn(e -> "RegionUnhealthy".equals(e.getReason()))
                .hasSize(1);
    }

    @Test
    void refusedCredentialsAndThrottlingNeverFailOver() {
        EnFixture en = protect("unknown", FailoverMode.Automatic);
        harness.simulator().denyAccess(EnFixture.API_KEY, EnFixture.PRIMARY, en.primaryId);
        harness.awaitStatus(en.name, TIMEOUT, s -> state(s, EnFixture.PRIMARY) == HealthState.Unknown);
        await().during(QUIET).atMost(QUIET.plus(TIMEOUT)).untilAsserted(() -> {
            assertThat(harness.failoversOf(en.name)).isEmpty();
            assertThat(state(harness.get(en.name).getStatus(), EnFixture.PRIMARY))
                    .isEqualTo(HealthState.Unknown);
        });
        harness.simulator().allowAccess(EnFixture.API_KEY, EnFixture.PRIMARY, en.primaryId);
        harness.awaitStatus(en.name, TIMEOUT, s -> state(s, EnFixture.PRIMARY) == HealthState.Healthy);

        harness.simulator().faults(EnFixture.PRIMARY).throttle(100_000, Duration.ofSeconds(1));
        harness.awaitStatus(en.name, TIMEOUT, s -> state(s, EnFixture.PRIMARY) == HealthState.Unknown);
        await().during(QUIET)
                .atMost(QUIET.plus(TIMEOUT))
                .untilAsserted(() -> assertThat(harness.failoversOf(en.name)).isEmpty());
    }

    @Test
    void aFlappingPrimaryFailsOverOnceAndNeverBack() {
        EnFixture en = protect("flap", FailoverMode.Automatic);
        for (int i = 0; i < 2; i++) {
            harness.simulator().faults(EnFixture.PRIMARY).down(DownMode.CONNECTION_RESET);
            harness.awaitStatus(en.name, TIMEOUT, s -> state(s, EnFixture.PRIMARY) == HealthState.Unhealthy);
            harness.simulator().faults(EnFixture.PRIMARY).up();
            harness.awaitStatus(en.name, TIMEOUT, s -> state(s, EnFixture.PRIMARY) == HealthState.Healthy);
        }
        await().during(QUIET).atMost(QUIET.plus(TIMEOUT)).untilAsserted(() -> {
            assertThat(harness.failoversOf(en.name)).hasSize(1);
            assertThat(harness.get(en.name).getStatus().activeRegion).isEqualTo(EnFixture.STANDBY);
            assertThat(harness.get(en.name).getStatus().epoch).isEqualTo(1L);
        });
    }
}
