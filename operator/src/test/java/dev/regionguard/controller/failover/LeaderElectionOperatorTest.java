package dev.regionguard.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.operator.RegionGuardOperator;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one API with a Lease: only the leader acts, and when it stops in the middle of a
 * failover the other takes the lease and finishes that failover exactly once.
 */
class LeaderElectionOperatorTest {
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final String LEASE_NAME = "regionguard-operator";

    private OperatorHarness harness;
    private RegionGuardOperator first;
    private RegionGuardOperator second;

    @BeforeEach
    void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
        harness.stopOperator(); // the harness's own replica takes no lease: only the two below run
    }

    @AfterEach
    void stop() {
        for (RegionGuardOperator replica : new RegionGuardOperator[] {first, second}) {
            if (replica != null) {
                replica.close();
            }
        }
        harness.close();
    }

    @Test
    void theOtherReplicaTakesTheLeaseAndFinishesTheFailoverExactlyOnce() {
        RegionFailoverOperatorTest.CrashAfter stuck =
                new RegionFailoverOperatorTest.CrashAfter("handover-1", FailoverPhase.Promoting);
        first = harness.startReplica("replica-a", LEASE, stuck);
        await().atMost(RegionFailoverOperatorTest.TIMEOUT).until(() -> "replica-a".equals(holder()));
        second = harness.startReplica("replica-b", LEASE, FailoverHooks.NONE);
        RegionFailoverOperatorTest.Protected p = RegionFailoverOperatorTest.protect(harness, "handover", false);

        harness.requestFailover("handover-1", p.name(), FailoverType.Failover, EnFixture.STANDBY, false);
        await().atMost(RegionFailoverOperatorTest.TIMEOUT).untilTrue(stuck.crashed);
        // The leader is stuck at Promoting; the other replica, which would finish it at once, must not act.
        await().during(LEASE.multipliedBy(3))
                .atMost(LEASE.multipliedBy(5))
                .until(() -> harness.failover("handover-1").getStatus().phase == FailoverPhase.Promoting
                        && "replica-a".equals(holder()));

        first.close(); // the leader's pod goes away: it releases the lease

        await().atMost(RegionFailoverOperatorTest.TIMEOUT).until(() -> "replica-b".equals(holder()));
        RegionFailover done =
                harness.awaitFailover("handover-1", RegionFailoverOperatorTest.TIMEOUT, FailoverPhase.Succeeded);
        assertThat(done.getStatus().epoch).isEqualTo(1L);
        assertThat(done.getStatus().steps).extracting(s -> s.step).doesNotHaveDuplicates();
        ProtectionStatus status = harness.awaitStatus(
                p.name(), RegionFailoverOperatorTest.TIMEOUT, s -> s.failover == null && !s.failoverHistory.isEmpty());
        assertThat(status.activeRegion).isEqualTo(EnFixture.STANDBY);
        assertThat(status.epoch).isEqualTo(1L);
        assertThat(status.failoverHistory).hasSize(1);
        assertThat(lease().getSpec().getLeaseTransitions()).isGreaterThanOrEqualTo(1);
    }

    private Lease lease() {
        return harness.client()
                .leases()
                .inNamespace(OperatorHarness.NAMESPACE)
                .withName(LEASE_NAME)
                .get();
    }

    private String holder() {
        Lease lease = lease();
        return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    }
}
