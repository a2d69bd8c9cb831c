package dev.regionguard.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.FailoverInProgress;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverPlan;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverStepResult;
import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.failover.RegionTopology;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The production lock and epoch guard of failovers: which RegionFailover may run, and which commits a
 * protection applies. The state-machine and operator tests rely on these; here each rule on its own.
 */
class CommittedFailoversTest {
    private static final RegionTopology BASE =
            new RegionTopology("us-south", List.of("us-east", "eu-de"), "us-south", 0, Set.of());

    private static RegionFailover rfo(String name, String created, FailoverPhase phase) {
        RegionFailover rfo = new RegionFailover();
        rfo.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace("shop")
                .withCreationTimestamp(created)
                .build());
        if (phase != null) {
            RegionFailoverStatus status = new RegionFailoverStatus();
            status.phase = phase;
            rfo.setStatus(status);
        }
        return rfo;
    }

    /** A RegionFailover whose Promoting step is recorded with the result (Succeeded: committed). */
    private static RegionFailover promoted(
            String name, String created, FailoverType type, String to, long epoch, FailoverStepResult result) {
        RegionFailover rfo = rfo(name, created, result == null ? FailoverPhase.Promoting : FailoverPhase.Redirecting);
        RegionFailoverStatus status = rfo.getStatus();
        status.toRegion = to;
        status.epoch = epoch;
        status.plan = new FailoverPlan();
        status.plan.type = type;
        FailoverStepStatus promoting = new FailoverStepStatus(FailoverStep.Promoting, created);
        promoting.result = result;
        status.steps = new ArrayList<>(List.of(promoting));
        return rfo;
    }

    private static RegionFailover committed(String name, String created, String to, long epoch) {
        return promoted(name, created, FailoverType.Failover, to, epoch, FailoverStepResult.Succeeded);
    }

    @Test
    void theLockIsTheEarliestCreatedRegionFailoverThatIsNotFinal() {
        List<RegionFailover> failovers = List.of(
                rfo("done", "2026-03-01T09:00:00Z", FailoverPhase.Succeeded),
                rfo("later", "2026-03-01T10:00:05Z", FailoverPhase.Validating),
                rfo("earlier", "2026-03-01T10:00:01Z", null), // not picked up yet: holds it all the same
                rfo("aborted", "2026-03-01T08:00:00Z", FailoverPhase.Aborted));

        assertThat(CommittedFailovers.holder(failovers))
                .map(r -> r.getMetadata().getName())
                .contains("earlier");
    }

    @Test
    void createdInTheSameSecondTheNameDecides() {
        List<RegionFailover> failovers = List.of(
                rfo("race-b", "2026-03-01T10:00:00Z", FailoverPhase.Fencing),
                rfo("race-a", "2026-03-01T10:00:00Z", FailoverPhase.Fencing));

        assertThat(CommittedFailovers.holder(failovers))
                .map(r -> r.getMetadata().getName())
                .contains("race-a");
        assertThat(CommittedFailovers.holder(List.of(failovers.get(1), failovers.get(0))))
                .map(r -> r.getMetadata().getName())
                .as("whatever order the cache lists them in")
                .contains("race-a");
    }

    @Test
    void noLockWhenEveryRegionFailoverIsFinal() {
        assertThat(CommittedFailovers.holder(List.of(
                        rfo("a", "2026-03-01T10:00:00Z", FailoverPhase.Failed),
                        rfo("b", "2026-03-01T10:00:01Z", FailoverPhase.Rejected))))
                .isEmpty();
    }

    @Test
    void commitsApplyOnceInEpochOrder() {
        List<RegionFailover> failovers = List.of(
                promoted(
                        "back",
                        "2026-03-01T11:00:00Z",
                        FailoverType.Relocate,
                        "us-south",
                        2,
                        FailoverStepResult.Succeeded),
                committed("out", "2026-03-01T10:00:00Z", "us-east", 1));

        RegionTopology after = CommittedFailovers.apply(BASE, failovers);

        assertThat(after.activeRegion()).isEqualTo("us-south");
        assertThat(after.epoch()).isEqualTo(2);
        assertThat(after.fencedRegions()).isEmpty();
        assertThat(CommittedFailovers.apply(after, failovers))
                .as("applied again on the result: nothing changes")
                .isEqualTo(after);
    }

    @Test
    void aPromotionNotYetRecordedAsSucceededIsNoCommit() {
        RegionTopology after =
                CommittedFailovers.apply(BASE, List.of(promoted("p", "t", FailoverType.Failover, "us-east", 1, null)));

        assertThat(after).isEqualTo(BASE);
    }

    /** The epoch guard: a commit applies only as the next epoch of the topology it was planned on. */
    @Test
    void aCommitThatIsNotTheNextEpochChangesNothing() {
        assertThat(CommittedFailovers.apply(BASE, List.of(committed("skips", "t", "us-east", 2))))
                .as("planned on a topology this protection never had")
                .isEqualTo(BASE);
        RegionTopology atOne = BASE.afterFailover("eu-de");
        assertThat(CommittedFailovers.apply(atOne, List.of(committed("stale", "t", "us-east", 1))))
                .as("an old commit, below the protection's epoch")
                .isEqualTo(atOne);
    }

    @Test
    void aCommitToAnUnknownOrTheActiveRegionChangesNothing() {
        assertThat(CommittedFailovers.apply(BASE, List.of(committed("foreign", "t", "jp-tok", 1))))
                .isEqualTo(BASE);
        assertThat(CommittedFailovers.apply(BASE, List.of(committed("same", "t", "us-south", 1))))
                .isEqualTo(BASE);
    }

    /** Two commits of one epoch (a lock lost to a stale cache): the earliest created wins, as the lock would. */
    @Test
    void twoCommitsOfTheSameEpochApplyOnlyTheEarliestCreated() {
        RegionFailover first = committed("race-a", "2026-03-01T10:00:00Z", "us-east", 1);
        RegionFailover second = committed("race-b", "2026-03-01T10:00:01Z", "eu-de", 1);

        RegionTopology oneOrder = CommittedFailovers.apply(BASE, List.of(second, first));
        RegionTopology otherOrder = CommittedFailovers.apply(BASE, List.of(first, second));

        assertThat(oneOrder.activeRegion()).isEqualTo("us-east");
        assertThat(oneOrder.epoch()).isEqualTo(1);
        assertThat(otherOrder).isEqualTo(oneOrder);
    }

    @Test
    void inProgressNamesTheRunningFailoverOnceStartedIncludingWhileItUndoesItsFences() {
        RegionFailover running = rfo("run", "2026-03-01T10:00:00Z", FailoverPhase.Unfencing);
        running.setSpec(new RegionFailoverSpec());
        running.getSpec().protectionRef = new ProtectionRef(ProtectionKind.EventNotificationsProtection, "orders");
        running.getSpec().type = FailoverType.Failover;
        RegionFailover notStarted = rfo("new", "2026-03-01T09:00:00Z", null);

        assertThat(CommittedFailovers.inProgress(List.of(notStarted))).isNull();
        FailoverInProgress held = CommittedFailovers.inProgress(List.of(running));
        assertThat(held.name).isEqualTo("run");
        assertThat(held.phase).isEqualTo(FailoverPhase.Unfencing);
    }
}
