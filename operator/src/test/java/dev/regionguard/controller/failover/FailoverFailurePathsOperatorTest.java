package dev.regionguard.controller.failover;

import static dev.regionguard.controller.failover.RegionFailoverOperatorTest.apiSourcesEnabled;
import static dev.regionguard.controller.failover.RegionFailoverOperatorTest.protect;
import static dev.regionguard.controller.failover.RegionFailoverOperatorTest.sourceStates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverStepResult;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failover of an Event Notifications protection that fails at each step after Fencing, run by the real
 * operator on the embedded API and the simulator. Before the commit (Promoting) the fence is undone and
 * the old region stays active; after it nothing is undone and the new region stays active.
 */
class FailoverFailurePathsOperatorTest {
    /**
     * Generous: a loaded 2-core machine runs six of these builds at once, and a step against a region that
     * is down takes the HTTP client's own retries per attempt (8 attempts of Redirecting took 55 s here).
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(240);

    /** The attempts failover.FailoverFailures allows these steps. */
    private static final int REDIRECT_ATTEMPTS = 8;

    private static final int VERIFY_ATTEMPTS = 5;
    private static OperatorHarness harness;
    private static final StepHooks HOOKS = new StepHooks();

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
        harness.restartOperator(HOOKS);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @AfterEach
    void regionsUp() {
        HOOKS.clear();
        harness.simulator().faults(EnFixture.STANDBY).up();
    }

    /**
     * Runs an action once, when the named RegionFailover has recorded the phase (before the step acts);
     * waits a hundredth of the recorded back-off between attempts, so that the bounded number of attempts
     * of a step runs in seconds. What is decided and recorded is production's.
     */
    static final class StepHooks implements FailoverHooks {
        private final AtomicReference<String> name = new AtomicReference<>();
        private volatile FailoverPhase phase;
        private volatile Runnable action;

        void at(String rfo, FailoverPhase phase, Runnable action) {
            this.phase = phase;
            this.action = action;
            this.name.set(rfo);
        }

        void clear() {
            name.set(null);
        }

        @Override
        public void checkpoint(RegionFailover rfo) {
            String wanted = name.get();
            if (rfo.getStatus() != null
                    && rfo.getStatus().phase == phase
                    && rfo.getMetadata().getName().equals(wanted)
                    && name.compareAndSet(wanted, null)) {
                action.run();
            }
        }

        @Override
        public Duration retryDelay(Duration recorded) {
            return recorded.dividedBy(100);
        }
    }

    /** Waits until the RegionFailover is final, in phase when not null; a failure shows its steps. */
    private static RegionFailover awaitFinal(String name, FailoverPhase phase) {
        RegionFailover rfo = await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> harness.failover(name),
                        r -> r != null
                                && r.getStatus() != null
                                && r.getStatus().phase != null
                                && r.getStatus().phase.isFinal());
        assertThat(rfo.getStatus().phase)
                .as(
                        "%s ended with steps %s",
                        name,
                        rfo.getStatus().steps.stream()
                                .map(s -> s.step + "=" + s.result + "(" + s.attempts + "): " + s.message)
                                .toList())
                .isEqualTo(phase == null ? rfo.getStatus().phase : phase);
        return rfo;
    }

    private static Condition ready(RegionFailover rfo) {
        return Conditions.find(rfo.getStatus().conditions, Conditions.READY);
    }

    @Test
    void aFailureAtPromotingUndoesTheFenceAndTheOldPrimaryStaysActive() {
        RegionFailoverOperatorTest.Protected p = protect(harness, "fail-promote", false);
        Map<String, String> foreign = Map.of("owner", "the payments team");
        harness.configMap("fail-promote-endpoint", foreign); // not RegionGuard's: never overwritten
        Map<String, Boolean> before = sourceStates(p.en().primary);
        assertThat(before).containsValue(true);
        AtomicReference<Boolean> fencedDuringPromoting = new AtomicReference<>();
        HOOKS.at(
                "fail-promote-1",
                FailoverPhase.Promoting,
                () -> fencedDuringPromoting.set(apiSourcesEnabled(p.en().primary, false)));

        harness.requestFailover("fail-promote-1", p.name(), FailoverType.Failover, EnFixture.STANDBY, false);

        RegionFailover failed = awaitFinal("fail-promote-1", FailoverPhase.Failed);
        RegionFailoverStatus status = failed.getStatus();
        assertThat(fencedDuringPromoting.get())
                .as("fencing really ran before Promoting")
                .isTrue();
        assertThat(status.steps)
                .extracting(s -> s.step, s -> s.result)
                .containsExactly(
                        tuple(FailoverStep.Validating, FailoverStepResult.Succeeded),
                        tuple(FailoverStep.Fencing, FailoverStepResult.Succeeded),
                        tuple(FailoverStep.Promoting, FailoverStepResult.Failed),
                        tuple(FailoverStep.Unfencing, FailoverStepResult.Succeeded));
        assertThat(ready(failed).reason).isEqualTo("EndpointConfigMapNotOwned");
        assertThat(ready(failed).message).contains("us-south stays the active region");
        assertThat(Conditions.find(status.conditions, Conditions.COMMITTED).status)
                .isEqualTo("False");
        assertThat(status.fenced).singleElement().satisfies(f -> {
            assertThat(f.region).isEqualTo(EnFixture.PRIMARY);
            assertThat(f.isUndone()).isTrue();
            assertThat(f.original)
                    .isNotEmpty()
                    .allSatisfy((k, v) -> assertThat(k).startsWith("source."));
        });
        assertThat(sourceStates(p.en().primary)).as("the fence was undone").isEqualTo(before);
        ConfigMap configMap = harness.client()
                .configMaps()
                .inNamespace(OperatorHarness.NAMESPACE)
                .withName("fail-promote-endpoint")
                .get();
        assertThat(configMap.getData()).isEqualTo(foreign);
        ProtectionStatus protection =
                harness.awaitStatus(p.name(), TIMEOUT, s -> s.failover == null && !s.failoverHistory.isEmpty());
        assertThat(protection.activeRegion).isEqualTo(EnFixture.PRIMARY);
        assertThat(protection.epoch).isZero();
        assertThat(protection.fencedRegions).isEmpty();
        assertThat(harness.events("fail-promote-1"))
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("FailoverUnfencing"))
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("FailoverFailed"));
    }

    @Test
    void aFailureAtRedirectingAfterTheCommitKeepsTheNewRegionActiveAndTheOldFenced() {
        RegionFailoverOperatorTest.Protected p = protect(harness, "fail-redirect", false);
        HOOKS.at(
                "fail-redirect-1",
                FailoverPhase.Redirecting,
                () -> harness.simulator().faults(EnFixture.STANDBY).down(DownMode.UNAVAILABLE));

        harness.requestFailover("fail-redirect-1", p.name(), FailoverType.Failover, EnFixture.STANDBY, false);

        RegionFailover failed = awaitFinal("fail-redirect-1", FailoverPhase.Failed);
        assertAfterTheCommit(p, failed, FailoverStep.Redirecting, "RedirectFailed", REDIRECT_ATTEMPTS);
    }

    @Test
    void aFailureAtVerifyingAfterTheCommitKeepsTheNewRegionActiveAndTheOldFenced() {
        RegionFailoverOperatorTest.Protected p = protect(harness, "fail-verify", false);
        HOOKS.at(
                "fail-verify-1",
                FailoverPhase.Verifying,
                () -> harness.simulator().faults(EnFixture.STANDBY).down(DownMode.UNAVAILABLE));

        harness.requestFailover("fail-verify-1", p.name(), FailoverType.Failover, EnFixture.STANDBY, false);

        RegionFailover failed = awaitFinal("fail-verify-1", FailoverPhase.Failed);
        assertAfterTheCommit(p, failed, FailoverStep.Verifying, "VerificationFailed", VERIFY_ATTEMPTS);
    }

    /**
     * Two RegionFailovers of one protection created back to back: whatever the interleaving, exactly one
     * commits, and the other never undoes the fence the winner relies on.
     */
    @Test
    void twoRegionFailoversAtOnceCommitExactlyOnce() {
        RegionFailoverOperatorTest.Protected p = protect(harness, "race", false);

        harness.requestFailover("race-a", p.name(), FailoverType.Failover, EnFixture.STANDBY, false);
        harness.requestFailover("race-b", p.name(), FailoverType.Failover, EnFixture.STANDBY, false);

        RegionFailover a = awaitFinal("race-a", null);
        RegionFailover b = awaitFinal("race-b", null);
        List<RegionFailover> committed = List.of(a, b).stream()
                .filter(r -> Conditions.isTrue(r.getStatus().conditions, Conditions.COMMITTED))
                .toList();
        assertThat(committed)
                .as("phases %s and %s", a.getStatus().phase, b.getStatus().phase)
                .hasSize(1);
        assertThat(committed.get(0).getStatus().phase).isEqualTo(FailoverPhase.Succeeded);
        ProtectionStatus status = harness.awaitStatus(p.name(), TIMEOUT, s -> s.failover == null && s.epoch == 1);
        assertThat(status.activeRegion).isEqualTo(EnFixture.STANDBY);
        // "nothing more happens": watched past the failure threshold and two sync passes
        await().during(RegionFailoverOperatorTest.QUIET).atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(harness.get(p.name()).getStatus().epoch).isEqualTo(1L);
            assertThat(apiSourcesEnabled(p.en().primary, false))
                    .as("the winner's fence holds")
                    .isTrue();
        });
    }

    private static void assertAfterTheCommit(
            RegionFailoverOperatorTest.Protected p,
            RegionFailover failed,
            FailoverStep step,
            String reason,
            int tries) {
        RegionFailoverStatus status = failed.getStatus();
        assertThat(status.steps).extracting(s -> s.step).doesNotContain(FailoverStep.Unfencing);
        assertThat(status.steps.get(status.steps.size() - 1).step).isEqualTo(step);
        assertThat(status.steps.get(status.steps.size() - 1).attempts).isEqualTo(tries);
        assertThat(ready(failed).reason).isEqualTo(reason);
        assertThat(ready(failed).message)
                .contains("us-east is the active region at epoch 1")
                .contains("nothing is undone after the commit")
                .contains("create a Relocate back to us-south");
        assertThat(Conditions.find(status.conditions, Conditions.COMMITTED).status)
                .isEqualTo("True");
        assertThat(status.fenced)
                .singleElement()
                .satisfies(f -> assertThat(f.isUndone()).isFalse());
        assertThat(apiSourcesEnabled(p.en().primary, false))
                .as("the old primary stays fenced")
                .isTrue();
        ProtectionStatus protection = harness.awaitStatus(p.name(), TIMEOUT, s -> s.failover == null && s.epoch == 1);
        assertThat(protection.activeRegion).isEqualTo(EnFixture.STANDBY);
        assertThat(protection.fencedRegions).containsExactly(EnFixture.PRIMARY);
    }
}
