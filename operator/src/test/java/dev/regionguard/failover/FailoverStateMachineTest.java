package dev.regionguard.failover;

import static dev.regionguard.api.FailoverStep.Fencing;
import static dev.regionguard.api.FailoverStep.FinalSync;
import static dev.regionguard.api.FailoverStep.Promoting;
import static dev.regionguard.api.FailoverStep.Redirecting;
import static dev.regionguard.api.FailoverStep.Validating;
import static dev.regionguard.api.FailoverStep.Verifying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.regionguard.api.Condition;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverStepResult;
import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.FenceRecord;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.api.RegionRole;
import dev.regionguard.api.StepDuration;
import dev.regionguard.api.VantagePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FailoverStateMachineTest {
    private static final ProtectionRef ORDERS =
            new ProtectionRef(ProtectionKind.EventNotificationsProtection, "orders-notifications");

    private final FakeProtection protection = new FakeProtection();
    private final FailoverStateMachine machine = new FailoverStateMachine();

    static FailoverRequest failover(String target) {
        return new FailoverRequest(
                "rfo-1", 1, ORDERS, FailoverType.Failover, target, false, "INC-1: us-south 503", false);
    }

    static FailoverRequest forced(String target) {
        return new FailoverRequest("rfo-1", 1, ORDERS, FailoverType.Failover, target, true, "INC-1", false);
    }

    static FailoverRequest relocate(String target) {
        return new FailoverRequest("rfo-1", 1, ORDERS, FailoverType.Relocate, target, false, "failback", false);
    }

    static FailoverRequest plan(String target) {
        return new FailoverRequest("rfo-1", 1, ORDERS, FailoverType.Plan, target, false, "game day", false);
    }

    static FailoverRequest drill(String target) {
        return new FailoverRequest("rfo-1", 1, ORDERS, FailoverType.Drill, target, false, "game day", false);
    }

    private static List<String> reasons(List<Milestone> milestones) {
        return milestones.stream().map(Milestone::reason).toList();
    }

    private static Condition condition(RegionFailoverStatus status, String type) {
        return status.conditions.stream()
                .filter(c -> c.type.equals(type))
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class Drill {

        @Test
        void provesTheTargetChangesNothingAndIsRecordedInTheHistory() {
            FakeWiring wiring = new FakeWiring(protection);
            wiring.results = p -> p.step() == Verifying
                    ? StepResult.succeeded("1 check passed in 120ms")
                    : StepResult.failed("a drill performs only its proof");

            wiring.run(drill("us-east"));

            RegionFailoverStatus status = wiring.recorded;
            assertThat(status.phase).isEqualTo(FailoverPhase.Succeeded);
            assertThat(status.steps)
                    .extracting(s -> s.step, s -> s.result)
                    .containsExactly(
                            tuple(Validating, FailoverStepResult.Succeeded),
                            tuple(Verifying, FailoverStepResult.Succeeded));
            assertThat(status.plan.type).isEqualTo(FailoverType.Drill);
            assertThat(status.plan.actions.get(0)).startsWith("drill: us-east is proven");
            assertThat(condition(status, "Ready").message)
                    .startsWith("drill: us-east passed validation and its proof (1 check passed in 120ms) in ")
                    .endsWith("; nothing changed; a Failover to us-east is expected to take about 2s (Validating 1s,"
                            + " Verifying 1s); no evidence yet for Fencing, Promoting, Redirecting");
            assertThat(condition(status, "Committed").status).isEqualTo("False");
            assertThat(protection.topology.activeRegion()).isEqualTo("us-south");
            assertThat(protection.topology.epoch()).isZero();
            assertThat(protection.oldRegionFenced).isFalse();
            assertThat(wiring.publishedRegion).isNull();
            assertThat(wiring.performed).containsOnlyKeys(Verifying);
            assertThat(protection.history).singleElement().satisfies(entry -> {
                assertThat(entry.type).isEqualTo(FailoverType.Drill);
                assertThat(entry.epoch).isNull();
                assertThat(entry.phase).isEqualTo(FailoverPhase.Succeeded);
                assertThat(entry.steps)
                        .extracting(d -> d.step, d -> d.seconds)
                        .containsExactly(tuple(Validating, 1L), tuple(Verifying, 1L));
                assertThat(entry.expectedSteps)
                        .extracting(d -> d.step, d -> d.seconds, d -> d.basis)
                        .containsExactly(
                                tuple(Validating, 1L, "measured by this drill"),
                                tuple(Fencing, null, "no recorded Failover ran this step"),
                                tuple(Promoting, null, "no recorded Failover ran this step"),
                                tuple(Redirecting, null, "no recorded Failover ran this step"),
                                tuple(Verifying, 1L, "measured by this drill"));
            });
            assertThat(reasons(wiring.milestones))
                    .containsExactly("FailoverStarted", "StandbyProven", "FailoverSucceeded");
        }

        @Test
        void expectsEachStepToTakeWhatTheSucceededFailoversOfTheProtectionTook() {
            protection.history.add(record(FailoverType.Failover, FailoverPhase.Succeeded, 7));
            protection.history.add(record(FailoverType.Relocate, FailoverPhase.Succeeded, 50));
            protection.history.add(record(FailoverType.Failover, FailoverPhase.Failed, 100));
            protection.history.add(record(FailoverType.Failover, FailoverPhase.Succeeded, 9));
            FakeWiring wiring = new FakeWiring(protection);
            wiring.results = p -> StepResult.succeeded("1 check passed in 120ms");

            wiring.run(drill("us-east"));

            assertThat(wiring.recorded.plan.expectedSteps)
                    .extracting(d -> d.step, d -> d.seconds, d -> d.basis)
                    .containsExactly(
                            tuple(Validating, 1L, "median of the last 2 recorded Failovers"),
                            tuple(Fencing, 8L, "median of the last 2 recorded Failovers"),
                            tuple(Promoting, 1L, "median of the last 2 recorded Failovers"),
                            tuple(Redirecting, 2L, "median of the last 2 recorded Failovers"),
                            tuple(Verifying, 3L, "median of the last 2 recorded Failovers"));
            assertThat(condition(wiring.recorded, "Ready").message)
                    .endsWith("a Failover to us-east is expected to take about 15s (Validating 1s, Fencing 8s,"
                            + " Promoting 1s, Redirecting 2s, Verifying 3s)");
            assertThat(protection.history.get(0).expectedSteps)
                    .extracting(d -> d.seconds)
                    .containsExactly(1L, 8L, 1L, 2L, 3L); // the drill's own 1 s proof does not replace evidence
        }

        private static FailoverRecord record(FailoverType type, FailoverPhase phase, long fencingSeconds) {
            FailoverRecord record = new FailoverRecord();
            record.name = type + "-" + phase + "-" + fencingSeconds;
            record.type = type;
            record.phase = phase;
            record.steps = List.of(
                    new StepDuration(Validating, 1L, null),
                    new StepDuration(Fencing, fencingSeconds, null),
                    new StepDuration(Promoting, 1L, null),
                    new StepDuration(Redirecting, 2L, null),
                    new StepDuration(Verifying, 3L, null));
            return record;
        }

        @Test
        void aFailedProofFailsTheDrillAtOnceAndChangesNothing() {
            FakeWiring wiring = new FakeWiring(protection);
            wiring.results = p -> StepResult.refused("DrillFailed", "destination/ops: IBM's test failed");

            wiring.run(drill("us-east"));

            RegionFailoverStatus status = wiring.recorded;
            assertThat(status.phase).isEqualTo(FailoverPhase.Failed);
            assertThat(wiring.performed).containsEntry(Verifying, 1);
            assertThat(condition(status, "Ready").reason).isEqualTo("DrillFailed");
            assertThat(condition(status, "Ready").message)
                    .isEqualTo("us-east failed its proof: destination/ops: IBM's test failed; nothing changed");
            assertThat(protection.topology.activeRegion()).isEqualTo("us-south");
            assertThat(protection.history).singleElement().satisfies(entry -> {
                assertThat(entry.type).isEqualTo(FailoverType.Drill);
                assertThat(entry.phase).isEqualTo(FailoverPhase.Failed);
            });
        }

        @Test
        void aTargetThatIsNotReadyIsRejectedAsForAFailover() {
            protection.lastSuccessfulSync.put("us-east", FakeProtection.T0.minus(Duration.ofMinutes(20)));
            FakeWiring wiring = new FakeWiring(protection);

            wiring.run(drill("us-east"));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Rejected);
            assertThat(wiring.performed).isEmpty();
        }
    }

    @Nested
    class Failover {

        /**
         * Every decision of a clean failover, in order: record, perform, record the result and the next step.
         * Validating performs nothing: the RegionFailover holds the protection's lock from the start (it is
         * the earliest one not final).
         */
        @Test
        void eachStepIsRecordedBeforeItIsPerformed() {
            FakeWiring wiring = new FakeWiring(protection);
            FailoverRequest request = failover("us-east");

            wiring.run(request);

            List<String> trace = wiring.decisions.stream()
                    .map(next -> {
                        if (next instanceof Next.Record r) {
                            FailoverStepStatus last =
                                    r.status().steps.get(r.status().steps.size() - 1);
                            return "record " + r.status().phase + " " + last.step
                                    + (last.result == null ? " running" : " " + last.result);
                        }
                        if (next instanceof Next.Perform p) {
                            return "perform " + p.step();
                        }
                        return "done";
                    })
                    .toList();
            assertThat(trace)
                    .containsExactly(
                            "record Validating Validating running",
                            "record Fencing Fencing running",
                            "perform Fencing",
                            "record Promoting Promoting running",
                            "perform Promoting",
                            "record Redirecting Redirecting running",
                            "perform Redirecting",
                            "record Verifying Verifying running",
                            "perform Verifying",
                            "record Succeeded Verifying Succeeded",
                            "done");
        }

        @Test
        void succeedsWithOneActiveRegionAHigherEpochAndTheOldPrimaryFenced() {
            FakeWiring wiring = new FakeWiring(protection);

            Next.Done done = wiring.run(failover("us-east"));

            RegionFailoverStatus status = wiring.recorded;
            assertThat(status.phase).isEqualTo(FailoverPhase.Succeeded);
            assertThat(status.steps)
                    .extracting(s -> s.step, s -> s.result)
                    .containsExactly(
                            tuple(Validating, FailoverStepResult.Succeeded),
                            tuple(Fencing, FailoverStepResult.Succeeded),
                            tuple(Promoting, FailoverStepResult.Succeeded),
                            tuple(Redirecting, FailoverStepResult.Succeeded),
                            tuple(Verifying, FailoverStepResult.Succeeded));
            assertThat(status.fromRegion).isEqualTo("us-south");
            assertThat(status.toRegion).isEqualTo("us-east");
            assertThat(status.epoch).isEqualTo(1L);
            assertThat(status.observedGeneration).isEqualTo(1L);
            assertThat(status.durationSeconds)
                    .isEqualTo(Duration.between(FakeProtection.T0, Instant.parse(status.completionTime))
                            .toSeconds());
            assertThat(status.conditions)
                    .extracting(c -> c.type, c -> c.status)
                    .containsExactly(tuple("Ready", "True"), tuple("Committed", "True"));

            assertThat(protection.topology.roles())
                    .containsExactly(
                            Map.entry("us-south", RegionRole.Fenced),
                            Map.entry("us-east", RegionRole.Primary),
                            Map.entry("eu-de", RegionRole.Standby));
            assertThat(protection.topology.epoch()).isEqualTo(1);
            assertThat(protection.topology.syncTargets())
                    .as("sync now flows from us-east to the rest")
                    .containsExactly("eu-de");
            assertThat(wiring.holder()).isNull();
            assertThat(wiring.publishedRegion).isEqualTo("us-east");
            assertThat(protection.oldRegionFenced)
                    .as("nothing is undone after the commit")
                    .isTrue();
            assertThat(wiring.recorded.fenced).singleElement().satisfies(f -> {
                assertThat(f.region).isEqualTo("us-south");
                assertThat(f.isUndone()).isFalse();
            });
            assertThat(wiring.performed).doesNotContainKey(FailoverStep.Unfencing);
            assertThat(protection.history).singleElement().satisfies(entry -> {
                assertThat(entry.name).isEqualTo("rfo-1");
                assertThat(entry.epoch).isEqualTo(1L);
                assertThat(entry.phase).isEqualTo(FailoverPhase.Succeeded);
                assertThat(entry.reason).isEqualTo("INC-1: us-south 503");
                assertThat(entry.automatic).isFalse();
                assertThat(entry.steps) // each step is a decision and a write: one fake second
                        .extracting(d -> d.step, d -> d.seconds)
                        .containsExactly(
                                tuple(Validating, 1L),
                                tuple(Fencing, 2L), // the fence is recorded before it is applied: two writes
                                tuple(Promoting, 1L),
                                tuple(Redirecting, 1L),
                                tuple(Verifying, 1L));
                assertThat(entry.expectedSteps)
                        .as("only a drill records an estimate")
                        .isNull();
            });
            assertThat(reasons(wiring.milestones))
                    .containsExactly(
                            "FailoverStarted",
                            "RegionFenced",
                            "FailoverCommitted",
                            "EndpointRedirected",
                            "ActiveRegionVerified",
                            "FailoverSucceeded");
        }

        @Test
        void withoutATargetTheMostRecentlySyncedReadyStandbyIsChosen() {
            protection.lastSuccessfulSync.put("eu-de", FakeProtection.T0.minusSeconds(10));

            new FakeWiring(protection).run(failover(null));

            assertThat(protection.topology.activeRegion()).isEqualTo("eu-de");
        }

        @Test
        void aTargetThatIsNotReadyIsRejectedWithoutForce() {
            protection.lastSuccessfulSync.put("us-east", FakeProtection.T0.minus(Duration.ofMinutes(20)));
            FakeWiring wiring = new FakeWiring(protection);

            Next.Done done = wiring.run(failover("us-east"));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Rejected);
            Condition ready = condition(wiring.recorded, "Ready");
            assertThat(ready.reason).isEqualTo("TargetNotReady");
            assertThat(ready.message)
                    .isEqualTo("us-east is not ready: last successful sync 20m ago, more than 2 sync "
                            + "intervals (10m); set force: true to fail over anyway");
            assertThat(wiring.recorded.steps)
                    .singleElement()
                    .satisfies(s -> assertThat(s.result).isEqualTo(FailoverStepResult.Rejected));
            assertThat(wiring.performed).as("nothing was done").isEmpty();
            assertThat(protection.topology.activeRegion()).isEqualTo("us-south");
            assertThat(wiring.holder()).isNull();
            assertThat(done.historyEntry())
                    .as("a rejected request is not a failover")
                    .isNull();
            assertThat(reasons(wiring.milestones)).containsExactly("FailoverRejected");
        }

        @Test
        void aTargetThatIsNotReadyIsAcceptedWithForce() {
            protection.health.put("us-east", HealthState.Unknown);
            protection.unsyncedEntities.put("us-east", 2);
            FakeWiring wiring = new FakeWiring(protection);

            wiring.run(forced("us-east"));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Succeeded);
            assertThat(wiring.recorded.steps.get(0).message)
                    .isEqualTo(
                            "forced: us-east is not ready: region is Unknown; 2 entities failed to sync; failover lock taken");
            assertThat(protection.topology.activeRegion()).isEqualTo("us-east");
        }

        @Test
        void withoutATargetNoReadyStandbyMeansRejectedUnlessForced() {
            protection.health.put("us-east", HealthState.Unhealthy);
            protection.lastSuccessfulSync.remove("eu-de");

            FakeWiring refused = new FakeWiring(protection);
            refused.run(failover(null));
            assertThat(condition(refused.recorded, "Ready").reason).isEqualTo("NoReadyStandby");
            assertThat(condition(refused.recorded, "Ready").message)
                    .isEqualTo(
                            "no standby is ready (us-east: region is "
                                    + "Unhealthy; eu-de: never synced successfully); set force: true to fail over to us-east anyway");

            new FakeWiring(protection).run(forced(null));
            assertThat(protection.topology.activeRegion()).isEqualTo("us-east");
        }

        @Test
        void theTargetMustBeAnotherRegionOfTheProtection() {
            FakeWiring foreign = new FakeWiring(protection);
            foreign.run(failover("jp-tok"));
            FakeWiring active = new FakeWiring(new FakeProtection());
            active.run(forced("us-south"));

            assertThat(condition(foreign.recorded, "Ready").reason).isEqualTo("InvalidTarget");
            assertThat(condition(foreign.recorded, "Ready").message)
                    .isEqualTo(
                            "jp-tok is not a region of this protection (its regions besides the active us-south: us-east, eu-de)");
            assertThat(condition(active.recorded, "Ready").message).isEqualTo("us-south is already the active region");
        }

        @Test
        void aRegionWithoutTheProtectionsServiceIsRefusedNamingTheService() {
            FakeWiring montreal = new FakeWiring(protection);
            montreal.run(new FailoverRequest(
                    "rfo-1",
                    1,
                    new ProtectionRef(ProtectionKind.CodeEngineProtection, "orders"),
                    FailoverType.Failover,
                    "ca-mon",
                    true,
                    "INC-2",
                    false));

            assertThat(condition(montreal.recorded, "Ready").reason).isEqualTo("InvalidTarget");
            assertThat(condition(montreal.recorded, "Ready").message)
                    .startsWith("Code Engine is not offered in ca-mon; a CodeEngineProtection can only fail over to"
                            + " one of its standby regions (Code Engine regions: au-syd, br-sao, ca-tor,");
            assertThat(protection.topology.activeRegion()).isEqualTo("us-south");
        }

        @Test
        void aFencedRegionIsATargetOnlyByNameAndWithForce() {
            protection.failedOverToUsEast();

            FakeWiring refused = new FakeWiring(protection);
            refused.run(failover("us-south"));
            assertThat(condition(refused.recorded, "Ready").message)
                    .startsWith("us-south is not ready: fenced by an earlier failover, so not synced");

            new FakeWiring(protection).run(forced("us-south"));
            assertThat(protection.topology.activeRegion()).isEqualTo("us-south");
            assertThat(protection.topology.fencedRegions()).containsExactly("us-east");
            assertThat(protection.topology.epoch()).isEqualTo(2);
        }

        @Test
        void onlyOneFailoverPerProtectionAtATime() {
            protection.earlierFailoverRunning("rfo-0");
            FakeWiring wiring = new FakeWiring(protection);

            wiring.run(failover("us-east"));

            assertThat(condition(wiring.recorded, "Ready").reason).isEqualTo("FailoverInProgress");
            assertThat(condition(wiring.recorded, "Ready").message).contains("rfo-0");
            assertThat(wiring.performed).as("nothing was done").isEmpty();
            assertThat(wiring.holder())
                    .as("the other failover keeps the protection")
                    .isEqualTo("rfo-0");
        }

        @Test
        void losingTheRaceForTheLockRejects() {
            FakeWiring wiring = new FakeWiring(protection);
            wiring.decide(failover("us-east")); // validated
            protection.earlierFailoverRunning("rfo-0"); // one created earlier shows up in the cache late

            wiring.run(failover("us-east"));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Rejected);
            assertThat(wiring.performed).doesNotContainKey(Fencing);
            assertThat(wiring.holder()).isEqualTo("rfo-0");
        }

        /** The cache showed no earlier failover, the API server does: stop before anything is fenced. */
        @Test
        void aLockLostAtFencingStopsTheFailoverBeforeAnythingIsFenced() {
            FakeWiring wiring = new FakeWiring(protection);
            wiring.refusals = p -> p.step() == Fencing
                    ? StepResult.refused("FailoverInProgress", "RegionFailover rfo-0 was created earlier")
                    : null;

            wiring.run(failover("us-east"));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Failed);
            assertThat(condition(wiring.recorded, "Ready").reason).isEqualTo("FailoverInProgress");
            assertThat(wiring.recorded.fenced)
                    .as("nothing recorded, nothing to undo")
                    .isEmpty();
            assertThat(wiring.performed).isEmpty();
            assertThat(protection.oldRegionFenced).isFalse();
            assertThat(protection.topology.epoch()).isZero();
        }

        /** Behind an edge (CIS), the old region is fenced there while it does not answer. */
        @Test
        void aFailedRegionIsStillFencedOutsideItWhenTheServiceFencesOutside() {
            protection.health.put("us-south", HealthState.Unhealthy);
            protection.fencesOutside = true;
            FakeWiring wiring = new FakeWiring(protection);

            wiring.run(failover("us-east"));

            assertThat(wiring.performed).containsKey(Fencing);
            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Succeeded);
        }

        @Test
        void theFailedRegionIsNotContactedForFencing() {
            protection.health.put("us-south", HealthState.Unhealthy);
            FakeWiring wiring = new FakeWiring(protection);

            wiring.run(failover("us-east"));

            assertThat(wiring.performed).doesNotContainKey(Fencing);
            assertThat(wiring.recorded.steps.get(1).result).isEqualTo(FailoverStepResult.Skipped);
            assertThat(wiring.recorded.steps.get(1).message).isEqualTo("us-south is Unhealthy: not contacted");
            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Succeeded);
            assertThat(reasons(wiring.milestones)).contains("FencingSkipped");
        }

        @Test
        void fencingThatFailsNeverBlocks() {
            protection.health.put("us-south", HealthState.Unknown); // tried, since it may answer
            FakeWiring wiring = new FakeWiring(protection);

            wiring.run(failover("us-east"));

            assertThat(wiring.performed.get(Fencing)).isEqualTo(1);
            assertThat(wiring.recorded.steps.get(1).result).isEqualTo(FailoverStepResult.Skipped);
            assertThat(wiring.recorded.steps.get(1).message)
                    .isEqualTo("fencing failed, continuing without it: no answer within 5000ms");
            assertThat(protection.topology.activeRegion()).isEqualTo("us-east");
        }

        @Test
        void redirectingIsRetriedUntilItSucceedsAfterTheCommit() {
            FakeWiring wiring = new FakeWiring(protection);
            int[] failures = {0};
            Function<Next.Perform, StepResult> normal = wiring.results;
            wiring.results = p -> p.step() == Redirecting && failures[0]++ < 7
                    ? StepResult.failed("configmaps is forbidden")
                    : normal.apply(p);

            wiring.run(failover("us-east"));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Succeeded);
            assertThat(wiring.recorded.steps.get(3).attempts).isEqualTo(8);
            List<Duration> delays = wiring.decisions.stream()
                    .filter(n -> n instanceof Next.Record r && r.retryAfter() != null)
                    .map(n -> ((Next.Record) n).retryAfter())
                    .toList();
            assertThat(delays)
                    .containsExactly(
                            Duration.ofSeconds(10),
                            Duration.ofSeconds(20),
                            Duration.ofSeconds(40),
                            Duration.ofSeconds(80),
                            Duration.ofSeconds(160),
                            Duration.ofMinutes(5),
                            Duration.ofMinutes(5));
            assertThat(reasons(wiring.milestones)).contains("RedirectingRetrying");
        }

        @Test
        void aNewActiveRegionThatNeverAnswersFailsTheFailoverButStaysSwitched() {
            FakeWiring wiring = new FakeWiring(protection);
            wiring.results = p -> p.step() == Verifying ? StepResult.failed("503") : StepResult.succeeded("ok");

            Next.Done done = wiring.run(failover("us-east"));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Failed);
            assertThat(wiring.performed.get(Verifying)).isEqualTo(FailoverFailures.VERIFY_ATTEMPTS);
            assertThat(condition(wiring.recorded, "Ready").reason).isEqualTo("VerificationFailed");
            assertThat(condition(wiring.recorded, "Committed").status).isEqualTo("True");
            assertThat(protection.topology.activeRegion()).isEqualTo("us-east");
            assertThat(done.historyEntry().epoch).isEqualTo(1L);
            assertThat(condition(wiring.recorded, "Ready").message)
                    .contains("nothing is undone after the commit")
                    .contains("create a Relocate back to us-south");
            assertThat(wiring.performed)
                    .as("nothing undone after the commit")
                    .doesNotContainKey(FailoverStep.Unfencing);
            assertThat(protection.oldRegionFenced).isTrue();
        }

        @Test
        void promotingIsCompleteWhenTheProtectionAlreadyHasTheRecordedEpoch() {
            FakeWiring wiring = new FakeWiring(protection);
            while (wiring.recorded == null || wiring.recorded.phase != FailoverPhase.Promoting) {
                wiring.decide(failover("us-east"));
            }
            protection.topology = protection.topology.afterFailover("us-east"); // applied, then the operator died

            Next next = machine.next(failover("us-east"), wiring.recorded, protection.view(wiring.now), wiring.now);

            assertThat(next).isInstanceOf(Next.Record.class);
            RegionFailoverStatus status = ((Next.Record) next).status();
            assertThat(status.phase).isEqualTo(FailoverPhase.Redirecting);
            assertThat(status.steps.get(2).result).isEqualTo(FailoverStepResult.Succeeded);
        }

        @Test
        void aProtectionSwitchedOutsideThisFailoverFailsItBeforeTheCommit() {
            FakeWiring wiring = new FakeWiring(protection);
            while (wiring.recorded == null || wiring.recorded.phase != FailoverPhase.Promoting) {
                wiring.decide(failover("us-east"));
            }
            protection.topology = protection.topology.afterFailover("eu-de");

            Next.Done done = wiring.run(failover("us-east"));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Failed);
            assertThat(condition(wiring.recorded, "Ready").reason).isEqualTo("ProtectionChanged");
            assertThat(protection.topology.activeRegion()).isEqualTo("eu-de");
            assertThat(done.historyEntry().epoch).as("it switched nothing").isNull();
            assertThat(wiring.performed)
                    .as("us-south is no longer the active region: the fence that the other failover relies on stays")
                    .doesNotContainKey(FailoverStep.Unfencing);
        }

        @Test
        void specEditsAfterValidationAreIgnored() {
            FakeWiring wiring = new FakeWiring(protection);
            wiring.decide(failover("us-east"));
            FailoverRequest edited =
                    new FailoverRequest("rfo-1", 2, ORDERS, FailoverType.Plan, "eu-de", true, "x", false);

            wiring.run(edited);

            assertThat(protection.topology.activeRegion()).isEqualTo("us-east");
            assertThat(wiring.recorded.observedGeneration)
                    .as("the generation that was validated")
                    .isEqualTo(1L);
        }

        @Test
        void aProtectionDeletedMidwayFailsTheFailover() {
            FakeWiring wiring = new FakeWiring(protection);
            wiring.decide(failover("us-east"));

            Next next = machine.next(failover("us-east"), wiring.recorded, null, wiring.now);

            assertThat(((Next.Record) next).status().phase).isEqualTo(FailoverPhase.Failed);
            assertThat(condition(((Next.Record) next).status(), "Ready").reason).isEqualTo("ProtectionNotFound");
        }

        @Test
        void anUnknownProtectionIsRejected() {
            Next next = machine.next(failover("us-east"), null, null, FakeProtection.T0);

            assertThat(((Next.Record) next).status().phase).isEqualTo(FailoverPhase.Rejected);
            assertThat(condition(((Next.Record) next).status(), "Ready").message)
                    .isEqualTo("EventNotificationsProtection orders-notifications not found in this namespace");
        }

        @Test
        void resultsMustBelongToTheRunningStep() {
            FakeWiring wiring = new FakeWiring(protection);
            wiring.decide(failover("us-east"));

            assertThatThrownBy(() -> machine.completed(
                            failover("us-east"), wiring.recorded, Promoting, StepResult.succeeded("x"), wiring.now))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> machine.completed(
                            failover("us-east"), wiring.recorded, Validating, StepResult.skipped("x"), wiring.now))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Plan {

        @Test
        void writesWhatAFailoverWouldDoAndChangesNothing() {
            FakeWiring wiring = new FakeWiring(protection);

            Next.Done done = wiring.run(plan(null));

            RegionFailoverStatus status = wiring.recorded;
            assertThat(status.phase).isEqualTo(FailoverPhase.Succeeded);
            assertThat(status.plan.type).isEqualTo(FailoverType.Failover);
            assertThat(status.plan.fromRegion).isEqualTo("us-south");
            assertThat(status.plan.toRegion).isEqualTo("us-east");
            assertThat(status.plan.epoch).isEqualTo(1L);
            assertThat(status.plan.endpoint).isEqualTo("https://us-east.event-notifications.cloud.ibm.com");
            assertThat(status.plan.actions)
                    .containsExactly(
                            "us-south: fence (best effort; skipped when it does not answer); no longer a sync source",
                            "us-east: becomes the active region at epoch 1",
                            "eu-de: synced from us-east",
                            "ConfigMap orders-notifications-endpoint: publish us-east (https://us-east.event-notifications.cloud.ibm.com)",
                            "us-east: verify that it answers");
            assertThat(condition(status, "Ready").reason).isEqualTo("Planned");
            assertThat(condition(status, "Committed").reason).isEqualTo("PlanOnly");

            assertThat(wiring.performed).as("no side effect at all").isEmpty();
            assertThat(protection.topology.activeRegion()).isEqualTo("us-south");
            assertThat(protection.topology.epoch()).isZero();
            assertThat(wiring.holder()).isNull();
            assertThat(done.historyEntry()).isNull();
            assertThat(reasons(wiring.milestones)).containsExactly("FailoverPlanned");
        }

        @Test
        void recordsEachVantagePointsViewAsValidatedAndKeepsItWhenTheViewsChange() {
            protection.vantagePoints.add(new VantagePoint(
                    VantagePoint.OPERATOR,
                    null,
                    true,
                    Map.of("us-south", HealthState.Unhealthy, "us-east", HealthState.Healthy)));
            protection.vantagePoints.add(new VantagePoint(
                    "witness-a", "2026-03-01T09:58:00Z", false, Map.of("us-south", HealthState.Healthy)));
            FakeWiring wiring = new FakeWiring(protection);

            wiring.run(plan("us-east"));
            protection.vantagePoints.get(0).regions.put("us-south", HealthState.Healthy);

            assertThat(wiring.recorded.plan.vantagePoints)
                    .extracting(v -> v.name + " fresh=" + v.fresh + " " + v.regions)
                    .containsExactly(
                            "operator fresh=true {us-east=Healthy, us-south=Unhealthy}",
                            "witness-a fresh=false {us-south=Healthy}");
            assertThat(wiring.recorded.plan.vantagePoints.get(1).lastReportedAt).isEqualTo("2026-03-01T09:58:00Z");
        }

        @Test
        void isRejectedWhenTheFailoverWouldBe() {
            protection.health.put("us-east", HealthState.Unknown);
            FakeWiring wiring = new FakeWiring(protection);

            wiring.run(plan("us-east"));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Rejected);
            assertThat(condition(wiring.recorded, "Ready").reason).isEqualTo("TargetNotReady");
        }

        @Test
        void forCodeEngineIncludesScalingAndDomainMappings() {
            protection.kind = ProtectionKind.CodeEngineProtection;
            protection.endpointConfigMap = null;
            FakeWiring wiring = new FakeWiring(protection);

            wiring.run(plan("eu-de"));

            assertThat(wiring.recorded.plan.actions)
                    .contains("eu-de: restore app scaling and move domain mappings")
                    .noneMatch(a -> a.startsWith("ConfigMap"));
        }
    }

    @Nested
    class Relocate {

        @Test
        void runsAFinalSyncFirstAndRestoresTheOriginalDirection() {
            protection.failedOverToUsEast();
            FakeWiring wiring = new FakeWiring(protection);

            wiring.run(relocate(null));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Succeeded);
            assertThat(wiring.recorded.steps)
                    .extracting(s -> s.step)
                    .containsExactly(Validating, FinalSync, Fencing, Promoting, Redirecting, Verifying);
            assertThat(wiring.performOrder).containsSubsequence(FinalSync, Promoting);
            assertThat(protection.topology.roles())
                    .containsExactly(
                            Map.entry("us-south", RegionRole.Primary),
                            Map.entry("us-east", RegionRole.Standby),
                            Map.entry("eu-de", RegionRole.Standby));
            assertThat(protection.topology.epoch()).isEqualTo(2);
            assertThat(wiring.recorded.plan.actions)
                    .containsExactly(
                            "us-south: final sync from us-east; must succeed before anything switches",
                            "us-east: fence during the switch (best effort)",
                            "us-south: becomes the active region at epoch 2",
                            "us-east: standby again; synced from us-south",
                            "eu-de: synced from us-south",
                            "ConfigMap orders-notifications-endpoint: publish us-south (https://us-south.event-notifications.cloud.ibm.com)",
                            "us-south: verify that it answers");
        }

        @Test
        void needsBothRegionsHealthy() {
            protection.failedOverToUsEast();
            protection.health.put("us-south", HealthState.Unknown);
            FakeWiring wiring = new FakeWiring(protection);

            wiring.run(relocate("us-south"));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Rejected);
            assertThat(condition(wiring.recorded, "Ready").reason).isEqualTo("RegionsNotHealthy");
            assertThat(condition(wiring.recorded, "Ready").message)
                    .isEqualTo("Relocate needs both regions Healthy: us-east is "
                            + "Healthy, us-south is Unknown; when the active region is down, use type Failover");
            assertThat(wiring.performed).isEmpty();
        }

        @Test
        void forceDoesNotBypassTheHealthCheck() {
            protection.failedOverToUsEast();
            protection.health.put("us-east", HealthState.Unhealthy);
            FakeWiring wiring = new FakeWiring(protection);

            wiring.run(new FailoverRequest("rfo-1", 1, ORDERS, FailoverType.Relocate, null, true, "x", false));

            assertThat(condition(wiring.recorded, "Ready").reason).isEqualTo("RegionsNotHealthy");
        }

        @Test
        void goesOnlyToTheOriginalPrimaryOrAFencedRegion() {
            protection.failedOverToUsEast();
            FakeWiring standby = new FakeWiring(protection);
            standby.run(relocate("eu-de"));
            FakeWiring active = new FakeWiring(new FakeProtection());
            active.run(relocate(null));

            assertThat(condition(standby.recorded, "Ready").reason).isEqualTo("InvalidTarget");
            assertThat(condition(standby.recorded, "Ready").message)
                    .isEqualTo("Relocate moves to the original primary "
                            + "(us-south) or a fenced region [us-south]; eu-de is neither: use type Failover");
            assertThat(condition(active.recorded, "Ready").reason).isEqualTo("AlreadyActive");
        }

        @Test
        void aFinalSyncThatKeepsFailingFailsTheRelocateWithoutSwitching() {
            protection.failedOverToUsEast();
            FakeWiring wiring = new FakeWiring(protection);
            wiring.results = p -> StepResult.failed("topic orders: 500");

            Next.Done done = wiring.run(relocate(null));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Failed);
            assertThat(wiring.performed.get(FinalSync)).isEqualTo(FailoverFailures.FINAL_SYNC_ATTEMPTS);
            assertThat(wiring.performed).doesNotContainKeys(Fencing, Promoting);
            assertThat(condition(wiring.recorded, "Ready").message)
                    .isEqualTo("FinalSync failed 3 times: topic orders: 500; nothing switched");
            assertThat(condition(wiring.recorded, "Ready").reason).isEqualTo("FinalSyncFailed");
            assertThat(protection.topology.activeRegion()).isEqualTo("us-east");
            assertThat(wiring.holder()).isNull();
            assertThat(done.historyEntry().phase).isEqualTo(FailoverPhase.Failed);
            assertThat(done.historyEntry().epoch).isNull();
            assertThat(wiring.performed).as("nothing was fenced").doesNotContainKey(FailoverStep.Unfencing);
        }
    }

    @Nested
    class Abort {

        private FakeWiring runUntil(FailoverRequest request, FailoverPhase phase) {
            FakeWiring wiring = new FakeWiring(protection);
            while (wiring.recorded == null || wiring.recorded.phase != phase) {
                wiring.decide(request);
            }
            return wiring;
        }

        @Test
        void deletingAfterFencingRanUndoesTheFenceAndEndsAborted() {
            FakeWiring wiring = runUntil(failover("us-east"), FailoverPhase.Promoting);
            assertThat(protection.oldRegionFenced).as("fencing really ran").isTrue();

            Deletion deletion = wiring.delete(failover("us-east"));

            assertThat(deletion.release()).isFalse();
            assertThat(deletion.abort()).isTrue();
            assertThat(deletion.message())
                    .isEqualTo("aborted in Promoting, before the commit: us-south stays the active region");
            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Aborted);
            assertThat(wiring.recorded.steps)
                    .extracting(s -> s.step, s -> s.result)
                    .containsExactly(
                            tuple(Validating, FailoverStepResult.Succeeded),
                            tuple(Fencing, FailoverStepResult.Succeeded),
                            tuple(Promoting, FailoverStepResult.Failed),
                            tuple(FailoverStep.Unfencing, FailoverStepResult.Succeeded));
            assertThat(wiring.performed).doesNotContainKey(Promoting);
            assertThat(protection.oldRegionFenced).as("the fence was undone").isFalse();
            assertThat(wiring.recorded.fenced).allMatch(FenceRecord::isUndone);
            assertThat(condition(wiring.recorded, "Ready").reason).isEqualTo("Aborted");
            assertThat(condition(wiring.recorded, "Committed").status).isEqualTo("False");
            assertThat(protection.topology.activeRegion()).isEqualTo("us-south");
            assertThat(protection.topology.epoch()).isZero();
            assertThat(wiring.holder()).isNull();
            assertThat(machine.onDeletion(wiring.recorded).release()).isTrue();
            assertThat(reasons(wiring.milestones)).contains("FailoverUnfencing", "FailoverAborted");
        }

        @Test
        void aCrashDuringTheUndoResumesIt() {
            FakeWiring wiring = runUntil(failover("us-east"), FailoverPhase.Promoting);
            wiring.crashAt = wiring.operations + 2; // after the abort is recorded, before the unfence
            assertThatThrownBy(() -> wiring.delete(failover("us-east"))).isInstanceOf(FakeWiring.Crash.class);
            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Unfencing);
            assertThat(protection.oldRegionFenced).isTrue();

            FakeWiring restarted = new FakeWiring(protection, wiring.recorded);
            Deletion deletion = restarted.delete(failover("us-east"));

            assertThat(deletion.abort()).as("recorded already").isFalse();
            assertThat(restarted.recorded.phase).isEqualTo(FailoverPhase.Aborted);
            assertThat(protection.oldRegionFenced).isFalse();
        }

        @Test
        void aFailureBeforeTheCommitUndoesTheFenceAndEndsFailed() {
            FakeWiring wiring = new FakeWiring(protection);
            Function<Next.Perform, StepResult> normal = wiring.results;
            wiring.results = p -> p.step() == Promoting
                    ? StepResult.refused("EndpointConfigMapNotOwned", "ConfigMap orders is not RegionGuard's")
                    : normal.apply(p);

            Next.Done done = wiring.run(failover("us-east"));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Failed);
            assertThat(wiring.performOrder).containsExactly(Fencing, Promoting, FailoverStep.Unfencing);
            assertThat(protection.oldRegionFenced).as("fenced, then unfenced").isFalse();
            Condition ready = condition(wiring.recorded, "Ready");
            assertThat(ready.reason).isEqualTo("EndpointConfigMapNotOwned");
            assertThat(ready.message)
                    .isEqualTo("Promoting failed: ConfigMap orders is not RegionGuard's; nothing switched; us-south"
                            + " stays the active region (restored 1 API sources on us-south)");
            assertThat(protection.topology.activeRegion()).isEqualTo("us-south");
            assertThat(protection.topology.epoch()).isZero();
            assertThat(done.historyEntry().phase).isEqualTo(FailoverPhase.Failed);
            assertThat(reasons(wiring.milestones))
                    .containsExactly("FailoverStarted", "RegionFenced", "FailoverUnfencing", "FailoverFailed");
        }

        @Test
        void anUndoThatKeepsFailingEndsUnfenceFailed() {
            FakeWiring wiring = runUntil(failover("us-east"), FailoverPhase.Promoting);
            Function<Next.Perform, StepResult> normal = wiring.results;
            wiring.results = p -> p.step() == FailoverStep.Unfencing
                    ? StepResult.failed("UnfenceFailed", "us-south could not be unfenced: no answer in time")
                    : normal.apply(p);

            wiring.delete(failover("us-east"));

            assertThat(wiring.recorded.phase).isEqualTo(FailoverPhase.Failed);
            assertThat(wiring.performed.get(FailoverStep.Unfencing)).isEqualTo(FailoverStop.UNFENCE_ATTEMPTS);
            Condition ready = condition(wiring.recorded, "Ready");
            assertThat(ready.reason).isEqualTo("UnfenceFailed");
            assertThat(ready.message)
                    .startsWith("Aborted: the RegionFailover was deleted in Promoting, before the commit; then undoing"
                            + " the fencing of us-south failed 6 times")
                    .contains("undo the fence by hand (see status.fenced)");
            assertThat(wiring.recorded.fenced).noneMatch(FenceRecord::isUndone);
            assertThat(protection.topology.activeRegion()).isEqualTo("us-south");
            assertThat(reasons(wiring.milestones)).contains("UnfencingRetrying", "FailoverFailed");
        }

        @Test
        void deletingWhileValidatingHasNothingToUndo() {
            FakeWiring wiring = runUntil(failover("us-east"), FailoverPhase.Validating);

            Deletion deletion = wiring.delete(failover("us-east"));

            assertThat(deletion.abort()).isTrue();
            assertThat(wiring.recorded.phase)
                    .as("no fence recorded: no Unfencing")
                    .isEqualTo(FailoverPhase.Aborted);
            assertThat(wiring.performed).isEmpty();
            assertThat(machine.onDeletion(null).release()).isTrue();
        }

        @Test
        void afterPromotingStartedTheFailoverRunsToTheEnd() {
            for (FailoverPhase phase :
                    List.of(FailoverPhase.Promoting, FailoverPhase.Redirecting, FailoverPhase.Verifying)) {
                FakeProtection fresh = new FakeProtection();
                FakeWiring wiring = new FakeWiring(fresh);
                while (wiring.recorded == null || wiring.recorded.phase != phase) {
                    wiring.decide(failover("us-east"));
                }

                Deletion deletion = machine.onDeletion(wiring.recorded);

                assertThat(deletion.release()).as("in %s", phase).isFalse();
                wiring.run(failover("us-east")); // the wiring keeps reconciling the deleted RegionFailover
                assertThat(machine.onDeletion(wiring.recorded).release()).isTrue();
                assertThat(fresh.topology.activeRegion()).isEqualTo("us-east");
                assertThat(fresh.holder()).isNull();
                assertThat(wiring.performed).doesNotContainKey(FailoverStep.Unfencing);
            }
        }

        @Test
        void aFinishedFailoverIsReleasedAtOnce() {
            FakeWiring wiring = new FakeWiring(protection);
            wiring.run(failover("us-east"));

            Deletion deletion = machine.onDeletion(wiring.recorded);

            assertThat(deletion.release()).isTrue();
            assertThat(deletion.abort()).isFalse();
        }
    }

    /**
     * The operator is killed before each operation in turn (each status write, each side effect, each
     * decision after a side effect) and restarted from what was persisted: the failover still ends
     * exactly once, with one active region and one epoch bump.
     */
    @Nested
    class CrashAtAnyPoint {

        private int operationsOfACleanRun(FailoverRequest request, FakeProtection setup) {
            FakeWiring wiring = new FakeWiring(setup);
            wiring.run(request);
            return wiring.operations;
        }

        private void assertFinishedExactlyOnce(
                FakeProtection p, FakeWiring last, String target, long epoch, Set<String> fenced, String where) {
            assertThat(last.recorded.phase).as(where).isEqualTo(FailoverPhase.Succeeded);
            assertThat(p.topology.activeRegion()).as(where).isEqualTo(target);
            assertThat(p.topology.epoch()).as("one epoch bump, " + where).isEqualTo(epoch);
            assertThat(p.topology.fencedRegions()).as(where).isEqualTo(fenced);
            assertThat(p.topology.roles().values().stream().filter(r -> r == RegionRole.Primary))
                    .as(where)
                    .hasSize(1);
            assertThat(p.holder()).as(where).isNull();
            assertThat(p.history).as(where).hasSize(1);
            assertThat(last.recorded.steps)
                    .extracting(s -> s.result)
                    .as(where)
                    .allMatch(r -> r == FailoverStepResult.Succeeded || r == FailoverStepResult.Skipped);
            assertThat(last.recorded.steps)
                    .extracting(s -> s.step)
                    .as("no step recorded twice, " + where)
                    .doesNotHaveDuplicates();
        }

        private void crashAndRestart(
                FailoverRequest request,
                Supplier<FakeProtection> setup,
                String target,
                long epoch,
                Set<String> fenced) {
            int total = operationsOfACleanRun(request, setup.get());
            assertThat(total).isGreaterThan(10);
            for (int first = 1; first <= total; first++) {
                for (int second = 0; second <= total; second++) { // 0: only one crash
                    FakeProtection p = setup.get();
                    FakeWiring wiring = new FakeWiring(p);
                    int promotions = 0;
                    int crashes = 0;
                    Map<FailoverStep, Integer> performed = new EnumMap<>(FailoverStep.class);
                    for (int crashAt : new int[] {first, second, -1}) {
                        if (crashAt == 0) {
                            continue;
                        }
                        wiring.crashAt = crashAt;
                        try {
                            wiring.run(request);
                        } catch (FakeWiring.Crash crash) {
                            crashes++;
                        }
                        promotions += wiring.promotionsApplied;
                        wiring.performed.forEach((k, v) -> performed.merge(k, v, Integer::sum));
                        FakeWiring restarted = new FakeWiring(p, wiring.recorded);
                        restarted.now = wiring.now.plusSeconds(30);
                        wiring = restarted;
                    }
                    String where =
                            "crash before operation " + first + (second > 0 ? " and again before " + second : "");
                    assertFinishedExactlyOnce(p, wiring, target, epoch, fenced, where);
                    assertThat(promotions).as("promotions applied, " + where).isEqualTo(1);
                    int maxRepeats = 1 + crashes;
                    performed.forEach((step, count) ->
                            assertThat(count).as(step + " performed, " + where).isBetween(1, maxRepeats));
                }
            }
        }

        @Test
        void failoverFinishesOnce() {
            crashAndRestart(failover("us-east"), FakeProtection::new, "us-east", 1, Set.of("us-south"));
        }

        @Test
        void failoverWithTheOldRegionDownFinishesOnce() {
            crashAndRestart(
                    failover(null),
                    () -> {
                        FakeProtection p = new FakeProtection();
                        p.health.put("us-south", HealthState.Unhealthy);
                        return p;
                    },
                    "us-east",
                    1,
                    Set.of("us-south"));
        }

        @Test
        void relocateFinishesOnce() {
            crashAndRestart(relocate(null), () -> new FakeProtection().failedOverToUsEast(), "us-south", 2, Set.of());
        }
    }
}
