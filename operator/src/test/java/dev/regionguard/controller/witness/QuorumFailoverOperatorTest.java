package dev.regionguard.controller.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.QuorumSpec;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionObservation;
import dev.regionguard.api.SyncMode;
import dev.regionguard.api.VantagePoint;
import dev.regionguard.operator.WitnessOperator;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controlling operator and two witnesses on one Kubernetes API and one simulated IBM Cloud: a
 * failover needs two of the three vantage points to see the primary down.
 */
class QuorumFailoverOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    /** Long enough for many probes of every vantage point after the partition was seen. */
    private static final Duration QUIET = Duration.ofSeconds(8);

    private static final String WITNESS_A = "witness-a";
    private static final String WITNESS_B = "witness-b";
    private OperatorHarness harness;
    private WitnessOperator witnessA;
    private WitnessOperator witnessB;

    @BeforeEach
    void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
        witnessA = harness.startWitness(WITNESS_A, "witness-a-key");
        witnessB = harness.startWitness(WITNESS_B, "witness-b-key");
    }

    @AfterEach
    void stop() {
        witnessA.close();
        witnessB.close();
        harness.close();
    }

    private EnFixture protect(String name) {
        EnFixture en = new EnFixture(harness, name, 6);
        en.material();
        EventNotificationsProtection enp = en.protection(SyncMode.Mirror, "5s");
        enp.getSpec().healthCheck.interval = PROBE_INTERVAL.toSeconds() + "s";
        enp.getSpec().healthCheck.timeout = "800ms";
        enp.getSpec().healthCheck.successThreshold = 1;
        enp.getSpec().failover.mode = FailoverMode.Automatic;
        enp.getSpec().failover.quorum = new QuorumSpec();
        enp.getSpec().failover.quorum.witnesses = List.of(WITNESS_A, WITNESS_B);
        enp.getSpec().failover.quorum.maxAge = "4s";
        harness.apply(enp);
        harness.awaitStatus(
                name,
                TIMEOUT,
                s -> OperatorHarness.everyStandbySynced(s)
                        && s.vantagePoints.size() == 3
                        && s.vantagePoints.stream().allMatch(v -> v.fresh && allHealthy(v)));
        return en;
    }

    private static boolean allHealthy(VantagePoint v) {
        return v.regions.size() == 2 && v.regions.values().stream().allMatch(h -> h == HealthState.Healthy);
    }

    private static HealthState seenBy(ProtectionStatus status, String vantage, String region) {
        return status.vantagePoints.stream()
                .filter(v -> vantage.equals(v.name))
                .map(v -> v.regions.get(region))
                .findFirst()
                .orElse(null);
    }

    private static Condition quorum(ProtectionStatus status) {
        return Conditions.find(status.conditions, Conditions.QUORUM);
    }

    @Test
    void theOperatorCutOffFromThePrimaryIsOutvotedAndNothingFailsOver() {
        EnFixture en = protect("partitioned");
        harness.simulator().faults(EnFixture.PRIMARY).partition(EnFixture.API_KEY);

        ProtectionStatus status = harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> seenBy(s, VantagePoint.OPERATOR, EnFixture.PRIMARY) == HealthState.Unhealthy
                        && quorum(s) != null
                        && "Outvoted".equals(quorum(s).reason));
        assertThat(seenBy(status, WITNESS_A, EnFixture.PRIMARY)).isEqualTo(HealthState.Healthy);
        assertThat(quorum(status).message).contains("1 of 3 vantage points see us-south Unhealthy");
        await().during(QUIET).atMost(QUIET.plus(TIMEOUT)).untilAsserted(() -> {
            assertThat(harness.failoversOf(en.name)).isEmpty();
            assertThat(harness.get(en.name).getStatus().activeRegion).isEqualTo(EnFixture.PRIMARY);
        });
        List<RegionObservation> observations = harness.client()
                .resources(RegionObservation.class)
                .inNamespace(OperatorHarness.NAMESPACE)
                .list()
                .getItems();
        assertThat(observations)
                .extracting(o -> o.getMetadata().getName())
                .containsExactlyInAnyOrder("enp-partitioned-witness-a", "enp-partitioned-witness-b");
    }

    @Test
    void aWitnessCutOffAloneIsOutvotedToo() {
        EnFixture en = protect("witness-cut");
        harness.simulator().faults(EnFixture.PRIMARY).partition("witness-a-key");

        harness.awaitStatus(en.name, TIMEOUT, s -> seenBy(s, WITNESS_A, EnFixture.PRIMARY) == HealthState.Unhealthy);
        await().during(QUIET)
                .atMost(QUIET.plus(TIMEOUT))
                .untilAsserted(() -> assertThat(harness.failoversOf(en.name)).isEmpty());
    }

    @Test
    void anOutageEveryVantagePointSeesFailsOver() {
        EnFixture en = protect("outage");
        harness.simulator().faults(EnFixture.PRIMARY).down(DownMode.UNAVAILABLE);

        ProtectionStatus status = harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> EnFixture.STANDBY.equals(s.activeRegion) && s.failover == null && !s.failoverHistory.isEmpty());
        assertThat(status.epoch).isEqualTo(1L);
        assertThat(status.failoverHistory.get(0).automatic).isTrue();
        assertThat(harness.failoversOf(en.name).get(0).getSpec().reason)
                .contains("of 3 vantage points see us-south Unhealthy and us-east Healthy");
    }

    @Test
    void silentWitnessesHoldAutomaticFailoverButNotAManualOne() {
        EnFixture en = protect("stale");
        witnessA.close();
        witnessB.close();
        harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> quorum(s) != null && "False".equals(quorum(s).status) && "NoQuorum".equals(quorum(s).reason));
        harness.simulator().faults(EnFixture.PRIMARY).down(DownMode.UNAVAILABLE);
        harness.awaitStatus(
                en.name, TIMEOUT, s -> seenBy(s, VantagePoint.OPERATOR, EnFixture.PRIMARY) == HealthState.Unhealthy);
        await().during(QUIET)
                .atMost(QUIET.plus(TIMEOUT))
                .untilAsserted(() -> assertThat(harness.failoversOf(en.name)).isEmpty());
        ProtectionStatus held = harness.get(en.name).getStatus();
        assertThat(quorum(held).message)
                .contains("1 of 3 vantage points reported")
                .contains("witness-a last reported");

        // forced: the standby's copy aged while the primary was down, as on-call would find it
        harness.requestFailover("manual", en.name, FailoverType.Failover, EnFixture.STANDBY, true);
        RegionFailover manual = harness.awaitFailover("manual", TIMEOUT, FailoverPhase.Succeeded);
        // the protection mirrors the committed failover in its own reconcile, after the RegionFailover ends
        harness.awaitStatus(en.name, TIMEOUT, s -> EnFixture.STANDBY.equals(s.activeRegion));
        assertThat(manual.getStatus().plan.vantagePoints)
                .as("the plan shows the evidence it was validated on")
                .extracting(v -> v.name + " fresh=" + v.fresh)
                .containsExactlyInAnyOrder("operator fresh=true", "witness-a fresh=false", "witness-b fresh=false");
    }
}
