package dev.regionguard.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.Conditions;
import dev.regionguard.api.EnVerificationSpec;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.SyncMode;
import dev.regionguard.eventnotifications.EnKind;
import dev.regionguard.operator.OperatorConfig;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's failover segment runs to its end on a protection like the demo's. */
class FailoverDemoStepsTest {

    @Test
    void theOutageFailoverAndRelocationRunThrough() {
        try (OperatorHarness harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY)) {
            EnFixture en = new EnFixture(harness, "orders-notifications", 20);
            en.material();
            EventNotificationsProtection enp = en.protection(SyncMode.Mirror, "3s");
            enp.getSpec().verification = new EnVerificationSpec();
            enp.getSpec().verification.destinations = List.of(en.primary.list(EnKind.DESTINATION).stream()
                    .filter(d -> "slack".equals(d.path("type").asText()))
                    .map(d -> d.path("name").asText())
                    .findFirst()
                    .orElseThrow());
            enp.getSpec().verification.timeout = "20s";
            harness.apply(enp);
            harness.awaitStatus(
                    en.name, Duration.ofSeconds(30), s -> Conditions.isTrue(s.conditions, Conditions.READY));
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            try {
                FailoverDemoSteps.run(
                        new PrintStream(buffer, true, StandardCharsets.UTF_8),
                        harness.simulator(),
                        harness.client(),
                        OperatorConfig.local(harness.endpoints()),
                        OperatorHarness.NAMESPACE,
                        en.name,
                        Duration.ofSeconds(120)); // twice the demo's patience: CI machines are busier

            } catch (IllegalStateException e) {
                throw new AssertionError(
                        e.getMessage() + "; printed:\n" + buffer.toString(StandardCharsets.UTF_8)
                                + "\nspec: " + harness.get(en.name).getSpec().failover.mode + " "
                                + harness.get(en.name).getSpec().healthCheck.interval + " gen "
                                + harness.get(en.name).getMetadata().getGeneration() + "/"
                                + harness.get(en.name).getStatus().observedGeneration
                                + "\nstatus: "
                                + harness.get(en.name).getStatus().regions.stream()
                                        .map(r -> r.region + "=" + r.state + "/" + r.consecutiveFailures + " "
                                                + r.lastError)
                                        .toList()
                                + " standbys "
                                + harness.get(en.name).getStatus().standbys.stream()
                                        .map(st -> st.lastSuccessfulSyncTime + " " + st.unsyncedEntities.size())
                                        .toList()
                                + "\nvantage points: "
                                + harness.get(en.name).getStatus().vantagePoints.stream()
                                        .map(v -> v.name + " fresh=" + v.fresh + " " + v.regions)
                                        .toList()
                                + "\n" + ThreadDump.of("vert.x-eventloop", "ReconcilerExecutor", "regionguard-probe"),
                        e);
            }

            String printed = buffer.toString(StandardCharsets.UTF_8);
            assertThat(printed)
                    .contains("Standby proof: IBM's test of the standby's copy of")
                    .contains("StandbyVerified Verified: last proof passed: us-east at")
                    .contains("step Verifying   Succeeded 1 check passed in")
                    .contains("RegionFailover orders-notifications-drill Succeeded")
                    .contains(
                            "history: orders-notifications-drill Drill Succeeded; us-south is still the active region at epoch 0")
                    .contains("Quorum Outvoted: 1 of 3 vantage points see us-south Unhealthy")
                    .contains("no failover in 8s of partition")
                    .contains("of 3 vantage points see us-south Unhealthy and us-east Healthy")
                    .contains("Unhealthy")
                    .contains("RegionGuard created RegionFailover")
                    .contains("orders-notifications-relocate Succeeded")
                    .contains("us-south is the active region again at epoch 2");
        }
    }
}
