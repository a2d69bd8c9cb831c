package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.SyncMode;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FailoverReady follows what a failover would answer, on every pass: True naming the standby while
 * it is ready, False with the validation's reason once it is not, True again when it recovers.
 */
class FailoverReadyOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private OperatorHarness harness;

    @BeforeEach
    void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static Condition failoverReady(ProtectionStatus status) {
        return Conditions.find(status.conditions, Conditions.FAILOVER_READY);
    }

    @Test
    void turnsFalseWhenTheStandbyRegionIsDownAndTrueWhenItIsBack() {
        EnFixture en = new EnFixture(harness, "ready-check", 4);
        en.material();
        EventNotificationsProtection enp = en.protection(SyncMode.Mirror, "5s");
        enp.getSpec().healthCheck.interval = "1s";
        enp.getSpec().healthCheck.timeout = "800ms";
        harness.apply(enp);

        ProtectionStatus ready = harness.awaitStatus(
                en.name, TIMEOUT, s -> failoverReady(s) != null && "True".equals(failoverReady(s).status));
        assertThat(failoverReady(ready).reason).isEqualTo("StandbyReady");
        assertThat(failoverReady(ready).message).isEqualTo("a failover now would go to us-east (Healthy, in sync)");
        assertThat(ready.conditions)
                .extracting(c -> c.type)
                .containsSubsequence(Conditions.READY, Conditions.REGION_INDEPENDENT, Conditions.FAILOVER_READY);

        harness.simulator().faults(EnFixture.STANDBY).down(DownMode.UNAVAILABLE);
        ProtectionStatus down = harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> "False".equals(failoverReady(s).status)
                        && failoverReady(s).message.contains("region is Unhealthy"));
        assertThat(failoverReady(down).reason).isEqualTo("NoReadyStandby");

        harness.simulator().faults(EnFixture.STANDBY).up();
        harness.awaitStatus(en.name, TIMEOUT, s -> "True".equals(failoverReady(s).status));
    }
}
