package dev.regionguard.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.HealthState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailoverReadinessTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final RegionTopology TOPOLOGY =
            new RegionTopology("us-south", List.of("us-east", "eu-de"), "us-south", 0, Set.of());

    @Test
    void readyNamesTheStandbyAFailoverWouldTakeAndWhyTheOthersWouldNot() {
        FailoverReadiness.Verdict verdict = FailoverReadiness.evaluate(
                TOPOLOGY,
                List.of(
                        new StandbyReadiness("us-east", false, "region is Unhealthy", T, false),
                        new StandbyReadiness("eu-de", true, "Healthy, synced 4s ago", T, false, "Healthy, in sync")),
                null);

        assertThat(verdict.ready()).isTrue();
        assertThat(verdict.reason()).isEqualTo("StandbyReady");
        assertThat(verdict.message())
                .isEqualTo("a failover now would go to eu-de (Healthy, in sync); us-east: region is Unhealthy");
    }

    @Test
    void theMessageDoesNotChangeAsTheLastSyncAges() {
        // us-east is in sync at each of these times (30 s interval), eu-de stale at each (3 s interval)
        Duration interval = Duration.ofSeconds(30);
        StandbyFacts fresh = new StandbyFacts("us-east", T, HealthState.Healthy, 0, false);
        StandbyFacts stale = new StandbyFacts("eu-de", T, HealthState.Healthy, 0, false);

        List<String> messages = List.of(T.plusSeconds(9), T.plusSeconds(20), T.plusSeconds(50)).stream()
                .map(now -> FailoverReadiness.evaluate(
                                TOPOLOGY,
                                List.of(
                                        StandbyReadiness.of(fresh, interval, now),
                                        StandbyReadiness.of(stale, interval.dividedBy(10), now)),
                                null)
                        .message())
                .toList();

        assertThat(messages.get(0)).isEqualTo(messages.get(1)).isEqualTo(messages.get(2));
        assertThat(messages.get(0))
                .isEqualTo("a failover now would go to us-east (Healthy, in sync);"
                        + " eu-de: last successful sync more than 2 sync intervals (6s) ago");
    }

    @Test
    void noReadyStandbyIsWhatAnUnforcedFailoverWouldBeRefusedFor() {
        FailoverReadiness.Verdict verdict = FailoverReadiness.evaluate(
                TOPOLOGY,
                List.of(
                        new StandbyReadiness("us-east", false, "region is Unknown", T, false),
                        new StandbyReadiness("eu-de", false, "never synced successfully", null, false)),
                null);

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.reason()).isEqualTo("NoReadyStandby");
        assertThat(verdict.message())
                .contains("us-east: region is Unknown")
                .contains("eu-de: never synced successfully")
                .contains("set force: true");
    }

    @Test
    void aRunningFailoverMeansAnotherWouldBeRefused() {
        FailoverReadiness.Verdict verdict = FailoverReadiness.evaluate(
                TOPOLOGY, List.of(new StandbyReadiness("us-east", true, "Healthy", T, false)), "inc-4711");

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.reason()).isEqualTo("FailoverInProgress");
        assertThat(verdict.message()).contains("inc-4711");
    }

    @Test
    void aFencedRegionIsNoCandidateWithoutBeingNamed() {
        RegionTopology afterFailover =
                new RegionTopology("us-south", List.of("us-east"), "us-east", 1, Set.of("us-south"));
        FailoverReadiness.Verdict verdict = FailoverReadiness.evaluate(
                afterFailover,
                List.of(new StandbyReadiness(
                        "us-south", false, "fenced by an earlier failover, so not synced", T, true)),
                null);

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.reason()).isEqualTo("NoStandby");
    }
}
