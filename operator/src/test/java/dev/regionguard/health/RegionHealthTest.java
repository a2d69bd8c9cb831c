package dev.regionguard.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.HealthState;
import dev.regionguard.api.RegionRole;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.spec.HealthCheckSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionHealthTest {
    private static final HealthCheckSettings SETTINGS =
            HealthCheckSettings.DEFAULTS; // 10s, 5s, 3 failures, 2 successes
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ProbeOutcome OK = ProbeOutcome.success(Duration.ofMillis(80));
    private static final ProbeOutcome DOWN = ProbeOutcome.ofError(ErrorCategory.SERVER, "503 Service Unavailable");
    private static final ProbeOutcome UNAUTHORIZED = ProbeOutcome.ofError(ErrorCategory.AUTHENTICATION, "401");
    private static final ProbeOutcome THROTTLED = ProbeOutcome.ofError(ErrorCategory.THROTTLED, "429");

    /** Probes every 10 s from T0; returns the state after each probe. */
    private static List<RegionHealth> probe(RegionHealth start, ProbeOutcome... outcomes) {
        List<RegionHealth> states = new ArrayList<>();
        RegionHealth health = start;
        for (int i = 0; i < outcomes.length; i++) {
            health = health.next(outcomes[i], SETTINGS, T0.plusSeconds(10L * (i + 1)));
            states.add(health);
        }
        return states;
    }

    private static RegionHealth last(RegionHealth start, ProbeOutcome... outcomes) {
        List<RegionHealth> states = probe(start, outcomes);
        return states.get(states.size() - 1);
    }

    private static List<HealthState> statesOf(List<RegionHealth> healths) {
        return healths.stream().map(RegionHealth::state).toList();
    }

    private static RegionHealth healthy() {
        return last(RegionHealth.unknown(T0), OK, OK);
    }

    @Test
    void startsUnknownAndBecomesHealthyAtTheSuccessThreshold() {
        assertThat(RegionHealth.unknown(T0).state()).isEqualTo(HealthState.Unknown);
        assertThat(statesOf(probe(RegionHealth.unknown(T0), OK, OK, OK)))
                .containsExactly(HealthState.Unknown, HealthState.Healthy, HealthState.Healthy);
    }

    @Test
    void becomesUnhealthyOnlyAtTheFailureThreshold() {
        List<RegionHealth> states = probe(healthy(), DOWN, DOWN, DOWN, DOWN);

        assertThat(statesOf(states))
                .containsExactly(
                        HealthState.Healthy, HealthState.Healthy, HealthState.Unhealthy, HealthState.Unhealthy);
        assertThat(states.get(2).consecutiveFailures()).isEqualTo(3);
        assertThat(states.get(2).since()).isEqualTo(T0.plusSeconds(30));
        assertThat(states.get(3).since()).as("since moves only on transitions").isEqualTo(T0.plusSeconds(30));
        assertThat(states.get(2).lastError()).isEqualTo("SERVER: 503 Service Unavailable");
    }

    @Test
    void aSuccessInBetweenResetsTheFailureRun() {
        assertThat(last(healthy(), DOWN, DOWN, OK, DOWN, DOWN).state()).isEqualTo(HealthState.Healthy);
    }

    @Test
    void anUnknownRegionThatKeepsFailingBecomesUnhealthy() {
        assertThat(statesOf(probe(RegionHealth.unknown(T0), DOWN, DOWN, DOWN)))
                .containsExactly(HealthState.Unknown, HealthState.Unknown, HealthState.Unhealthy);
    }

    @Test
    void recoveryNeedsTheSuccessThresholdInARow() {
        RegionHealth down = last(healthy(), DOWN, DOWN, DOWN);

        assertThat(statesOf(probe(down, OK, DOWN, OK, OK)))
                .containsExactly(
                        HealthState.Unhealthy, HealthState.Unhealthy, HealthState.Unhealthy, HealthState.Healthy);
        RegionHealth recovered = last(down, OK, OK);
        assertThat(recovered.lastError())
                .as("a Healthy region shows no stale error")
                .isNull();
        assertThat(recovered.consecutiveFailures()).isZero();
    }

    @Test
    void anUnhealthyRegionThatAnsweredOnceHasNoFailureRun() {
        RegionHealth down = last(healthy(), DOWN, DOWN, DOWN, OK);

        assertThat(down.state()).isEqualTo(HealthState.Unhealthy);
        assertThat(down.consecutiveFailures())
                .as("what the automatic failover policy checks")
                .isZero();
    }

    @Test
    void credentialsAndThrottlingMakeTheRegionUnknownNeverUnhealthy() {
        assertThat(last(healthy(), UNAUTHORIZED).state()).isEqualTo(HealthState.Unknown);
        assertThat(last(healthy(), THROTTLED, THROTTLED, THROTTLED, THROTTLED).state())
                .isEqualTo(HealthState.Unknown);
        assertThat(last(last(healthy(), DOWN, DOWN, DOWN), UNAUTHORIZED).state())
                .as("an Unhealthy region we can no longer judge")
                .isEqualTo(HealthState.Unknown);
    }

    @Test
    void anInconclusiveProbeBreaksARunOfFailures() {
        // the region answered 429, so it was not down: the two failures before do not count any more
        assertThat(last(healthy(), DOWN, DOWN, THROTTLED, DOWN).consecutiveFailures())
                .isEqualTo(1);
        assertThat(last(healthy(), DOWN, DOWN, THROTTLED, DOWN).state()).isEqualTo(HealthState.Unknown);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsAFailure() {
        ProbeOutcome slow = ProbeOutcome.success(Duration.ofSeconds(6));

        RegionHealth health = last(healthy(), slow, slow, slow);

        assertThat(health.state()).isEqualTo(HealthState.Unhealthy);
        assertThat(health.lastError()).isEqualTo("answered after 6000ms, timeout 5000ms");
    }

    @Test
    void transitionedOnlyWhenTheStateChanges() {
        List<RegionHealth> states = probe(healthy(), DOWN, DOWN, DOWN, DOWN, OK, OK);
        List<Boolean> writes = new ArrayList<>();
        RegionHealth previous = healthy();
        for (RegionHealth state : states) {
            writes.add(state.transitioned(previous));
            previous = state;
        }

        assertThat(writes).containsExactly(false, false, true, false, false, true);
        assertThat(healthy().transitioned(null))
                .as("first state is always written")
                .isTrue();
    }

    @Test
    void statusEntryCarriesTheStateAtTheTransition() {
        RegionHealth down = last(healthy(), DOWN, DOWN, DOWN);

        RegionStatus status = down.toStatus("us-south", RegionRole.Primary);

        assertThat(status.region).isEqualTo("us-south");
        assertThat(status.role).isEqualTo(RegionRole.Primary);
        assertThat(status.state).isEqualTo(HealthState.Unhealthy);
        assertThat(status.since).isEqualTo("2026-03-01T10:00:30Z");
        assertThat(status.consecutiveFailures).isEqualTo(3);
        assertThat(status.lastError).isEqualTo("SERVER: 503 Service Unavailable");
        assertThat(status.probeLatencyMs).isEqualTo(80L);
    }

    @Test
    void restoredStateNeedsFreshFailuresToCountAsARun() {
        RegionStatus status = last(healthy(), DOWN, DOWN, DOWN).toStatus("us-south", RegionRole.Primary);

        RegionHealth restored = RegionHealth.restore(status, T0.plusSeconds(3600));

        assertThat(restored.state()).isEqualTo(HealthState.Unhealthy);
        assertThat(restored.since()).isEqualTo(Instant.parse("2026-03-01T10:00:30Z"));
        assertThat(restored.consecutiveFailures()).isZero();
        assertThat(RegionHealth.restore(null, T0).state()).isEqualTo(HealthState.Unknown);
    }

    @Test
    void longErrorsAreCutForStatus() {
        ProbeOutcome verbose = ProbeOutcome.ofError(ErrorCategory.SERVER, "x".repeat(1000));

        assertThat(last(healthy(), verbose).lastError())
                .hasSize(RegionHealth.MAX_ERROR_LENGTH)
                .endsWith("...");
    }
}
