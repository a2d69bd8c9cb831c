package dev.regionguard.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.VantagePoint;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.health.ProbeOutcome;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.spec.FailoverSettings;
import dev.regionguard.spec.HealthCheckSettings;
import dev.regionguard.spec.QuorumSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who must agree before an automatic failover, and what a silent or stale witness counts for. */
class VantageQuorumTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final HealthCheckSettings HEALTH = HealthCheckSettings.DEFAULTS;
    private static final QuorumSettings TWO_OF_THREE = new QuorumSettings(List.of("a", "b"), 2, Duration.ofSeconds(30));
    private static final Map<String, HealthState> PRIMARY_DOWN =
            Map.of("us-south", HealthState.Unhealthy, "us-east", HealthState.Healthy);
    private static final Map<String, HealthState> ALL_UP =
            Map.of("us-south", HealthState.Healthy, "us-east", HealthState.Healthy);

    private static RegionHealth health(ProbeOutcome outcome, int probes) {
        RegionHealth h = RegionHealth.unknown(NOW.minusSeconds(100));
        for (int i = 0; i < probes; i++) {
            h = h.next(outcome, HEALTH, NOW.minusSeconds(100 - i));
        }
        return h;
    }

    private static Map<String, RegionHealth> own(boolean primaryDown) {
        ProbeOutcome down = ProbeOutcome.ofError(ErrorCategory.UNREACHABLE, "reset");
        ProbeOutcome up = ProbeOutcome.success(Duration.ofMillis(20));
        return Map.of(
                "us-south",
                primaryDown ? health(down, HEALTH.failureThreshold()) : health(up, 3),
                "us-east",
                health(up, 3));
    }

    private static VantageQuorum.Report report(String vantage, long secondsAgo, Map<String, HealthState> regions) {
        return new VantageQuorum.Report(vantage, NOW.minusSeconds(secondsAgo), regions);
    }

    private static VantageQuorum count(boolean ownDown, List<VantageQuorum.Report> reports) {
        return VantageQuorum.count(TWO_OF_THREE, own(ownDown), reports, HEALTH.failureThreshold(), NOW);
    }

    @Test
    void anOperatorCutOffAloneIsOutvoted() {
        VantageQuorum quorum = count(true, List.of(report("a", 5, ALL_UP), report("b", 5, ALL_UP)));

        VantageQuorum.Verdict verdict = quorum.onFailover("us-south", "us-east");
        assertThat(verdict.outcome()).isEqualTo(VantageQuorum.Outcome.Outvoted);
        assertThat(verdict.message())
                .startsWith("1 of 3 vantage points see us-south Unhealthy and us-east Healthy, 2 required")
                .contains("operator us-south Unhealthy")
                .contains("a us-south Healthy");
    }

    @Test
    void twoOfThreeSeeingTheOutageAgree() {
        VantageQuorum quorum = count(true, List.of(report("a", 5, PRIMARY_DOWN), report("b", 5, ALL_UP)));

        assertThat(quorum.onFailover("us-south", "us-east").outcome()).isEqualTo(VantageQuorum.Outcome.Agreed);
        assertThat(quorum.onActive("us-south").agreed()).isTrue();
    }

    @Test
    void witnessesAloneCanOutnumberAnOperatorThatStillSeesThePrimary() {
        VantageQuorum quorum = count(false, List.of(report("a", 5, PRIMARY_DOWN), report("b", 5, PRIMARY_DOWN)));

        assertThat(quorum.onFailover("us-south", "us-east").agreed()).isTrue();
    }

    @Test
    void staleAndSilentWitnessesLeaveNoQuorum() {
        VantageQuorum quorum = count(true, List.of(report("a", 31, PRIMARY_DOWN)));

        VantageQuorum.Verdict verdict = quorum.onFailover("us-south", "us-east");
        assertThat(verdict.outcome()).isEqualTo(VantageQuorum.Outcome.NoQuorum);
        assertThat(verdict.message())
                .startsWith("1 of 3 vantage points reported within 30s, 2 required")
                .contains("a last reported 2026-03-01T09:59:29Z")
                .contains("b never reported");
        assertThat(quorum.vantagePoints())
                .extracting(v -> v.name, v -> v.fresh, v -> v.lastReportedAt)
                .containsExactly(
                        tuple(VantagePoint.OPERATOR, true, null),
                        tuple("a", false, "2026-03-01T09:59:29Z"),
                        tuple("b", false, null));
    }

    @Test
    void aViewExactlyMaxAgeOldStillCounts() {
        VantageQuorum quorum = count(true, List.of(report("a", 30, PRIMARY_DOWN)));

        assertThat(quorum.onFailover("us-south", "us-east").agreed()).isTrue();
    }

    @Test
    void theOperatorsRestoredUnhealthyNeedsFreshFailuresToCount() {
        Map<String, RegionHealth> restored = Map.of(
                "us-south",
                new RegionHealth(HealthState.Unhealthy, NOW, 0, 0, "from status", null),
                "us-east",
                health(ProbeOutcome.success(Duration.ofMillis(20)), 3));
        VantageQuorum quorum = VantageQuorum.count(
                TWO_OF_THREE, restored, List.of(report("a", 5, PRIMARY_DOWN)), HEALTH.failureThreshold(), NOW);

        assertThat(quorum.onFailover("us-south", "us-east").outcome()).isEqualTo(VantageQuorum.Outcome.Outvoted);
    }

    @Test
    void aTargetAWitnessCannotSeeHealthyDoesNotCountThatWitness() {
        Map<String, HealthState> bothDown = Map.of("us-south", HealthState.Unhealthy, "us-east", HealthState.Unknown);
        VantageQuorum quorum = count(true, List.of(report("a", 5, bothDown), report("b", 5, ALL_UP)));

        assertThat(quorum.onFailover("us-south", "us-east").outcome()).isEqualTo(VantageQuorum.Outcome.Outvoted);
        assertThat(quorum.onActive("us-south").agreed())
                .as("the Quorum condition has no target")
                .isTrue();
    }

    @Test
    void unlistedWitnessesAreIgnored() {
        VantageQuorum quorum = count(true, List.of(report("intruder", 1, PRIMARY_DOWN)));

        assertThat(quorum.onFailover("us-south", "us-east").outcome()).isEqualTo(VantageQuorum.Outcome.NoQuorum);
        assertThat(quorum.vantagePoints()).extracting(v -> v.name).containsExactly(VantagePoint.OPERATOR, "a", "b");
    }

    @Test
    void thePolicyHoldsWithTheQuorumsReasonAndDecidesWithItsCount() {
        AutomaticFailoverPolicy policy = new AutomaticFailoverPolicy(
                new FailoverSettings(FailoverMode.Automatic, Duration.ofMinutes(30), null, TWO_OF_THREE), HEALTH);
        List<StandbyReadiness> standbys = List.of(new StandbyReadiness("us-east", true, "Healthy", NOW, false));

        AutomaticFailoverPolicy.Verdict held = policy.evaluate(
                new AutomaticFailoverPolicy.Situation(
                        "us-south",
                        own(true).get("us-south"),
                        standbys,
                        null,
                        false,
                        count(true, List.of(report("a", 5, ALL_UP)))),
                NOW);
        assertThat(held).isInstanceOf(AutomaticFailoverPolicy.Hold.class);
        assertThat(held.reason()).startsWith("Outvoted: 1 of 3 vantage points see us-south Unhealthy");

        AutomaticFailoverPolicy.Verdict decided = policy.evaluate(
                new AutomaticFailoverPolicy.Situation(
                        "us-south",
                        own(false).get("us-south"),
                        standbys,
                        null,
                        false,
                        count(false, List.of(report("a", 5, PRIMARY_DOWN), report("b", 5, PRIMARY_DOWN)))),
                NOW);
        assertThat(decided).isInstanceOf(AutomaticFailoverPolicy.Decision.class);
        assertThat(decided.reason()).contains("2 of 3 vantage points see us-south Unhealthy and us-east Healthy");
    }
}
