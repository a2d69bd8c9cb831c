package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EnVerificationSpec;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.StandbyVerification;
import dev.regionguard.api.SyncMode;
import dev.regionguard.eventnotifications.EnKind;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * spec.verification sends IBM's destination test through the standby's copy: StandbyVerified and
 * the standby's last proof say how it went, a failed proof makes the standby not ready for a failover
 * (FailoverReady=False) with a Warning Event, and a changed spec.verification is proven again at once.
 */
class StandbyVerificationOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Set<String> TESTABLE =
            Set.of("slack", "msteams", "pagerduty", "servicenow", "ibmce", "ibmcos");
    private OperatorHarness harness;

    @BeforeEach
    void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static Condition condition(ProtectionStatus status, String type) {
        Condition c = Conditions.find(status.conditions, type);
        return c == null ? new Condition(type, "Absent", null, null) : c;
    }

    @Test
    void aProofThroughTheStandbyPassesFailsAndPassesAgain() {
        EnFixture en = new EnFixture(harness, "proven", 20);
        en.material();
        String destination = testableDestination(en);
        EventNotificationsProtection enp = en.protection(SyncMode.Mirror, "5s");
        enp.getSpec().healthCheck.interval = "1s";
        enp.getSpec().healthCheck.timeout = "800ms";
        enp.getSpec().verification = new EnVerificationSpec();
        enp.getSpec().verification.destinations = List.of(destination);
        enp.getSpec().verification.interval = "1h";
        enp.getSpec().verification.timeout = "20s";
        harness.apply(enp);

        ProtectionStatus proven = harness.awaitStatus(
                en.name, TIMEOUT, s -> "True".equals(condition(s, Conditions.STANDBY_VERIFIED).status));
        StandbyVerification proof = proven.standbys.get(0).verification;
        assertThat(proof.verified).isTrue();
        assertThat(proof.checks).singleElement().satisfies(c -> {
            assertThat(c.name).isEqualTo("destination/" + destination);
            assertThat(c.passed).isTrue();
            assertThat(c.message).isEqualTo("IBM's test success");
        });
        assertThat(condition(proven, Conditions.STANDBY_VERIFIED).reason).isEqualTo("Verified");
        assertThat(proven.conditions)
                .extracting(c -> c.type)
                .containsSubsequence(
                        Conditions.REGION_INDEPENDENT, Conditions.STANDBY_VERIFIED, Conditions.FAILOVER_READY);
        // the test went to the standby's copy, not to the primary's destination
        ObjectNode copy = en.standby.list(EnKind.DESTINATION).stream()
                .filter(d -> destination.equals(d.path("name").asText()))
                .findFirst()
                .orElseThrow();
        harness.simulator()
                .outside()
                .failDestinationTests(
                        EnFixture.STANDBY, en.standbyId, copy.path("id").asText(), true);

        reprove(en.name, "21s");
        ProtectionStatus failed = harness.awaitStatus(
                en.name, TIMEOUT, s -> "False".equals(condition(s, Conditions.STANDBY_VERIFIED).status));
        assertThat(condition(failed, Conditions.STANDBY_VERIFIED).reason).isEqualTo("VerificationFailed");
        assertThat(condition(failed, Conditions.STANDBY_VERIFIED).message)
                .isEqualTo("last proof failed: us-east: destination/" + destination
                        + ": IBM's test failed: the end point answered 500 Internal Server Error");
        ProtectionStatus notReady = harness.awaitStatus(
                en.name, TIMEOUT, s -> "False".equals(condition(s, Conditions.FAILOVER_READY).status));
        assertThat(condition(notReady, Conditions.FAILOVER_READY).message).contains("its last proof failed");
        Awaitility.await()
                .atMost(TIMEOUT)
                .until(() -> harness.events(en.name).stream()
                        .anyMatch(e ->
                                "StandbyVerificationFailed".equals(e.getReason()) && "Warning".equals(e.getType())));

        harness.simulator()
                .outside()
                .failDestinationTests(
                        EnFixture.STANDBY, en.standbyId, copy.path("id").asText(), false);
        reprove(en.name, "22s");
        harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> "True".equals(condition(s, Conditions.STANDBY_VERIFIED).status)
                        && "True".equals(condition(s, Conditions.FAILOVER_READY).status));
    }

    @Test
    void aDrillProvesTheStandbyChangesNothingAndIsRecordedInTheHistory() {
        EnFixture en = new EnFixture(harness, "drilled", 20);
        en.material();
        EventNotificationsProtection enp = en.protection(SyncMode.Mirror, "5s");
        enp.getSpec().healthCheck.interval = "1s";
        enp.getSpec().healthCheck.timeout = "800ms";
        enp.getSpec().verification = new EnVerificationSpec();
        enp.getSpec().verification.destinations = List.of(testableDestination(en));
        enp.getSpec().verification.timeout = "20s";
        harness.apply(enp);
        harness.awaitStatus(en.name, TIMEOUT, s -> "True".equals(condition(s, Conditions.FAILOVER_READY).status));

        harness.requestFailover("game-day", en.name, FailoverType.Drill, EnFixture.STANDBY, false);
        RegionFailover drill = harness.awaitFailover("game-day", TIMEOUT, FailoverPhase.Succeeded);

        assertThat(drill.getStatus().steps)
                .extracting(step -> step.step)
                .containsExactly(FailoverStep.Validating, FailoverStep.Verifying);
        assertThat(drill.getStatus().steps.get(1).message).startsWith("1 check passed in ");
        ProtectionStatus after =
                harness.awaitStatus(en.name, TIMEOUT, s -> !s.failoverHistory.isEmpty() && s.failover == null);
        assertThat(after.activeRegion).isEqualTo(EnFixture.PRIMARY);
        assertThat(after.epoch).isZero();
        assertThat(after.fencedRegions).isEmpty();
        assertThat(after.failoverHistory).singleElement().satisfies(entry -> {
            assertThat(entry.type).isEqualTo(FailoverType.Drill);
            assertThat(entry.phase).isEqualTo(FailoverPhase.Succeeded);
            assertThat(entry.epoch).isNull();
            // no failover is recorded yet: the drill's own steps are the only evidence
            assertThat(entry.expectedSteps)
                    .filteredOn(d -> d.seconds != null)
                    .extracting(d -> d.step, d -> d.basis)
                    .containsExactly(
                            tuple(FailoverStep.Validating, "measured by this drill"),
                            tuple(FailoverStep.Verifying, "measured by this drill"));
        });
    }

    @Test
    void aDestinationTheStandbyLacksFailsTheProofWithoutACall() {
        EnFixture en = new EnFixture(harness, "unproven", 4);
        en.material();
        EventNotificationsProtection enp = en.protection(SyncMode.Mirror, "5s");
        enp.getSpec().verification = new EnVerificationSpec();
        enp.getSpec().verification.destinations = List.of("no-such-destination");
        enp.getSpec().verification.timeout = "20s";
        harness.apply(enp);

        ProtectionStatus failed = harness.awaitStatus(
                en.name, TIMEOUT, s -> "False".equals(condition(s, Conditions.STANDBY_VERIFIED).status));

        assertThat(failed.standbys.get(0).verification.checks)
                .singleElement()
                .satisfies(c -> assertThat(c.message).isEqualTo("the standby has no destination of that name"));
        // a drill of a standby whose proof fails: forced past readiness, it fails on the proof itself
        harness.requestFailover("forced-drill", en.name, FailoverType.Drill, EnFixture.STANDBY, true);
        RegionFailover drill = harness.awaitFailover("forced-drill", TIMEOUT, FailoverPhase.Failed);
        Condition ready = Conditions.find(drill.getStatus().conditions, Conditions.READY);
        assertThat(ready.reason).isEqualTo("DrillFailed");
        assertThat(ready.message).endsWith("; nothing changed");
        assertThat(harness.get(en.name).getStatus().activeRegion).isEqualTo(EnFixture.PRIMARY);
    }

    /** A destination of a type IBM's test call supports. */
    private static String testableDestination(EnFixture en) {
        return en.primary.list(EnKind.DESTINATION).stream()
                .filter(d -> TESTABLE.contains(d.path("type").asText()))
                .map(d -> d.path("name").asText())
                .findFirst()
                .orElseThrow();
    }

    /** A change of spec.verification is not proven yet: the next pass proves every standby again. */
    private void reprove(String name, String timeout) {
        harness.edit(EventNotificationsProtection.class, name, p -> {
            p.getSpec().verification.timeout = timeout;
            return p;
        });
    }
}
