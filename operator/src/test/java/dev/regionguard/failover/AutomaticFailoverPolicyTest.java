package dev.regionguard.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.RegionRole;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.health.ProbeOutcome;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.spec.FailoverSettings;
import dev.regionguard.spec.HealthCheckSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AutomaticFailoverPolicyTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final HealthCheckSettings HEALTH = HealthCheckSettings.DEFAULTS;
    private static final Duration PROBE = HEALTH.interval();
    private static final ProbeOutcome OK = ProbeOutcome.success(Duration.ofMillis(50));
    private static final ProbeOutcome DOWN = ProbeOutcome.ofError(ErrorCategory.UNREACHABLE, "connection refused");
    private static final AutomaticFailoverPolicy AUTOMATIC = new AutomaticFailoverPolicy(
            new FailoverSettings(FailoverMode.Automatic, Duration.ofMinutes(30), null), HEALTH);

    private static RegionHealth after(ProbeOutcome... outcomes) {
        RegionHealth health = RegionHealth.unknown(T0);
        Instant t = T0;
        for (ProbeOutcome outcome : List.of(OK, OK)) { // Healthy first
            t = t.plus(PROBE);
            health = health.next(outcome, HEALTH, t);
        }
        for (ProbeOutcome outcome : outcomes) {
            t = t.plus(PROBE);
            health = health.next(outcome, HEALTH, t);
        }
        return health;
    }

    private static StandbyReadiness ready(String region) {
        return new StandbyReadiness(region, true, "Healthy, synced 60s ago", T0, false);
    }

    private static AutomaticFailoverPolicy.Situation situation(
            RegionHealth active, Instant lastAutomatic, boolean inProgress) {
        return new AutomaticFailoverPolicy.Situation(
                "us-south", active, List.of(ready("us-east"), ready("eu-de")), lastAutomatic, inProgress);
    }

    @Test
    void failsOverToTheBestReadyStandbyWhenTheActiveRegionStaysDown() {
        AutomaticFailoverPolicy.Verdict verdict =
                AUTOMATIC.evaluate(situation(after(DOWN, DOWN, DOWN), null, false), T0);

        assertThat(verdict).isInstanceOf(AutomaticFailoverPolicy.Decision.class);
        AutomaticFailoverPolicy.Decision decision = (AutomaticFailoverPolicy.Decision) verdict;
        assertThat(decision.targetRegion()).isEqualTo("us-east");
        assertThat(decision.reason())
                .isEqualTo(
                        "automatic: us-south Unhealthy since 2026-03-01T10:00:50Z (3 failed "
                                + "probes in a row, last: UNREACHABLE: connection refused); us-east is ready: Healthy, synced 60s ago");
    }

    @Test
    void twoFailuresAreNotEnough() {
        assertThat(AUTOMATIC.decide(situation(after(DOWN, DOWN), null, false), T0))
                .isEmpty();
    }

    @Test
    void manualModeNeverFailsOver() {
        AutomaticFailoverPolicy manual = new AutomaticFailoverPolicy(FailoverSettings.DEFAULTS, HEALTH);

        AutomaticFailoverPolicy.Verdict verdict =
                manual.evaluate(situation(after(DOWN, DOWN, DOWN, DOWN), null, false), T0);

        assertThat(verdict).isEqualTo(new AutomaticFailoverPolicy.Hold("failover.mode is Manual"));
    }

    @Test
    void credentialErrorsAndThrottlingNeverFailOver() {
        for (ErrorCategory category :
                List.of(ErrorCategory.AUTHENTICATION, ErrorCategory.AUTHORIZATION, ErrorCategory.THROTTLED)) {
            ProbeOutcome refused = ProbeOutcome.ofError(category, "refused");
            RegionHealth health = after(refused, refused, refused, refused, refused, refused, refused, refused);

            assertThat(health.state()).isEqualTo(HealthState.Unknown);
            assertThat(AUTOMATIC.evaluate(situation(health, null, false), T0).reason())
                    .isEqualTo("active region us-south is Unknown, which is not evidence of an outage");
        }
    }

    @Test
    void unknownNeverFailsOverEvenAfterFailures() {
        ProbeOutcome throttled = ProbeOutcome.ofError(ErrorCategory.THROTTLED, "429");

        assertThat(AUTOMATIC.decide(situation(after(DOWN, DOWN, DOWN, throttled), null, false), T0))
                .isEmpty();
        assertThat(AUTOMATIC.decide(situation(after(DOWN, DOWN, throttled, DOWN), null, false), T0))
                .isEmpty();
    }

    @Test
    void anUnhealthyRegionThatJustAnsweredDoesNotQualify() {
        RegionHealth answeredOnce = after(DOWN, DOWN, DOWN, OK);

        assertThat(answeredOnce.state()).isEqualTo(HealthState.Unhealthy);
        assertThat(AUTOMATIC.evaluate(situation(answeredOnce, null, false), T0).reason())
                .isEqualTo("active region "
                        + "us-south is Unhealthy but only 0 of the last probes failed in a row (failureThreshold 3)");
    }

    @Test
    void aRestoredUnhealthyRegionNeedsFreshFailures() {
        RegionHealth restored = RegionHealth.restore(
                after(DOWN, DOWN, DOWN).toStatus("us-south", RegionRole.Primary), T0.plusSeconds(600));

        assertThat(AUTOMATIC.decide(situation(restored, null, false), T0)).isEmpty();
        RegionHealth confirmed = restored;
        for (int i = 0; i < 3; i++) {
            confirmed = confirmed.next(DOWN, HEALTH, T0.plusSeconds(610 + 10L * i));
        }
        assertThat(AUTOMATIC.decide(situation(confirmed, null, false), T0)).isPresent();
    }

    @Test
    void notDuringCooldownNorWhileAFailoverRuns() {
        RegionHealth down = after(DOWN, DOWN, DOWN);

        assertThat(AUTOMATIC
                        .evaluate(situation(down, T0.minus(Duration.ofMinutes(29)), false), T0)
                        .reason())
                .isEqualTo("cooldown: the last automatic failover was at 2026-03-01T09:31:00Z; the next may start at "
                        + "2026-03-01T10:01:00Z");
        assertThat(AUTOMATIC.decide(situation(down, T0.minus(Duration.ofMinutes(30)), false), T0))
                .isPresent();
        assertThat(AUTOMATIC.evaluate(situation(down, null, true), T0).reason())
                .isEqualTo("a failover is already in progress");
    }

    @Test
    void noReadyStandbyMeansNoFailover() {
        AutomaticFailoverPolicy.Situation s = new AutomaticFailoverPolicy.Situation(
                "us-south",
                after(DOWN, DOWN, DOWN),
                List.of(new StandbyReadiness("us-east", false, "region is Unknown", T0, false)),
                null,
                false);

        assertThat(AUTOMATIC.evaluate(s, T0).reason()).isEqualTo("no standby is ready: us-east: region is Unknown");
    }

    @Test
    void neverFailsBackToAFencedRegionEvenWhenItIsHealthyAndTheOnlyOther() {
        AutomaticFailoverPolicy.Situation s = new AutomaticFailoverPolicy.Situation(
                "us-east",
                after(DOWN, DOWN, DOWN),
                List.of(
                        new StandbyReadiness(
                                "us-south", false, "fenced by an earlier failover, so not synced", T0, true),
                        new StandbyReadiness("eu-de", false, "region is Unhealthy", T0, false)),
                null,
                false);

        assertThat(AUTOMATIC.decide(s, T0)).isEmpty();
    }

    /**
     * A protection probed every 10 s for an hour, the policy asked after every probe, and an automatic
     * failover completing at once when the policy decides. us-south goes down at once; us-east, the new
     * active region, then flaps down, up and down inside the cooldown; after the cooldown it goes down
     * for good. Exactly one failover inside the cooldown, then one to eu-de, never back to us-south.
     */
    @Test
    void flappingInsideTheCooldownFailsOverOnce() {
        Map<String, RegionHealth> health = new HashMap<>();
        RegionTopology topology = new RegionTopology("us-south", List.of("us-east", "eu-de"), "us-south", 0, Set.of());
        for (String region : topology.regions()) {
            health.put(region, RegionHealth.unknown(T0));
        }
        Instant lastAutomatic = null;
        List<String> failovers = new ArrayList<>();
        for (Instant t = T0; t.isBefore(T0.plus(Duration.ofHours(1))); t = t.plus(PROBE)) {
            long minute = Duration.between(T0, t).toMinutes();
            for (String region : topology.regions()) {
                boolean down = switch (region) {
                    case "us-south" ->
                        minute >= 1 && minute < 3 || minute >= 10; // down, back, down again (fenced by then)
                    case "us-east" -> minute >= 4 && minute < 6 || minute >= 8 && minute < 12 || minute >= 40;
                    default -> false;
                };
                health.put(region, health.get(region).next(down ? DOWN : OK, HEALTH, t));
            }
            RegionTopology current = topology;
            Instant now = t;
            List<StandbyReadiness> standbys = current.otherRegions().stream()
                    .map(r -> StandbyReadiness.of(
                            new StandbyFacts(
                                    r,
                                    now.minusSeconds(30),
                                    health.get(r).state(),
                                    0,
                                    current.fencedRegions().contains(r)),
                            Duration.ofMinutes(5),
                            now))
                    .toList();
            var decision = AUTOMATIC.decide(
                    new AutomaticFailoverPolicy.Situation(
                            current.activeRegion(), health.get(current.activeRegion()), standbys, lastAutomatic, false),
                    t);
            if (decision.isPresent()) {
                failovers.add(minute + "m " + current.activeRegion() + "->"
                        + decision.get().targetRegion());
                topology = current.afterFailover(decision.get().targetRegion());
                lastAutomatic = t;
            }
        }

        assertThat(failovers).containsExactly("1m us-south->us-east", "40m us-east->eu-de");
    }

    @Test
    void flappingBelowTheThresholdNeverFailsOver() {
        RegionHealth health = after();
        for (int i = 0; i < 30; i++) {
            health = health.next(i % 3 == 2 ? OK : DOWN, HEALTH, T0.plusSeconds(100 + 10L * i));
            assertThat(AUTOMATIC.decide(situation(health, null, false), T0)).isEmpty();
        }
    }
}
