package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.FailoverPlan;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverStepResult;
import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.failover.RegionTopology;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncRequest;
import dev.regionguard.sync.SyncTarget;
import dev.regionguard.sync.Watermarks;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The production wiring of the epoch guard (committed RegionFailovers) and of which fences a failover applied. */
class CommittedEpochGuardTest {
    private static final RegionTopology PLANNED =
            new RegionTopology("us-south", List.of("us-east"), "us-south", 0, Set.of());

    private static RegionFailover committed(String name, long epoch, String from, String to, FailoverStepResult fence) {
        RegionFailover rfo = new RegionFailover();
        rfo.setMetadata(new ObjectMetaBuilder().withName(name).build());
        RegionFailoverStatus status = new RegionFailoverStatus();
        status.epoch = epoch;
        status.fromRegion = from;
        status.toRegion = to;
        status.plan = new FailoverPlan();
        status.plan.type = FailoverType.Failover;
        status.steps = new ArrayList<>();
        FailoverStepStatus fencing = new FailoverStepStatus(FailoverStep.Fencing, "t");
        fencing.result = fence;
        FailoverStepStatus promoting = new FailoverStepStatus(FailoverStep.Promoting, "t");
        promoting.result = FailoverStepResult.Succeeded;
        status.steps.add(fencing);
        status.steps.add(promoting);
        rfo.setStatus(status);
        return rfo;
    }

    /** Counts the writes that reach it; every call answers an empty entity. */
    private static final class Counting implements EntityStore {
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public String describe() {
            return "counting";
        }

        @Override
        public List<ObjectNode> list(EntityType type) {
            return List.of();
        }

        @Override
        public ObjectNode read(EntityType type, ObjectNode listItem) {
            return listItem;
        }

        @Override
        public ObjectNode find(EntityType type, String id) {
            return null;
        }

        @Override
        public ObjectNode create(EntityType type, Desired desired) {
            writes.incrementAndGet();
            return null;
        }

        @Override
        public ObjectNode update(EntityType type, ObjectNode current, Desired desired) {
            writes.incrementAndGet();
            return null;
        }

        @Override
        public void delete(EntityType type, ObjectNode current) {
            writes.incrementAndGet();
        }

        @Override
        public List<SyncOutcome.EntityIssue> followUp(boolean writes) {
            followUpWrites.add(writes);
            return List.of(new SyncOutcome.EntityIssue("destination", "mail", "DomainNotVerified", "pending"));
        }

        @Override
        public CompletableFuture<ObjectNode> settle(EntityType type, ObjectNode written, Executor executor) {
            settled.incrementAndGet();
            return CompletableFuture.completedFuture(written);
        }

        final List<Boolean> followUpWrites = new CopyOnWriteArrayList<>();
        final AtomicInteger settled = new AtomicInteger();
    }

    /** The standby's store as a pass planned under {@link #PLANNED} sees it. */
    private static EntityStore guarded(Counting standby, List<RegionFailover> failovers) {
        SyncRequest request = new SyncRequest(
                new Counting(),
                List.of(new SyncTarget("us-east", standby, new Watermarks(), Overrides.NONE)),
                List.of(),
                null,
                null);
        return EpochGuardedStore.guard(request, PLANNED, () -> failovers)
                .targets()
                .get(0)
                .store();
    }

    @Test
    void settlingAndFollowUpChecksReachTheStoreAndFollowUpWritesStopWithTheEpoch() {
        Counting standby = new Counting();
        List<RegionFailover> failovers = new CopyOnWriteArrayList<>();
        EntityStore guarded = guarded(standby, failovers);

        guarded.settle(null, null, Runnable::run).join();
        assertThat(guarded.followUp(true))
                .extracting(SyncOutcome.EntityIssue::reason)
                .containsExactly("DomainNotVerified");
        failovers.add(committed("out", 1, "us-south", "us-east", FailoverStepResult.Skipped));
        guarded.followUp(true);

        assertThat(standby.settled).hasValue(1);
        assertThat(standby.followUpWrites).containsExactly(true, false);
    }

    @Test
    void theGuardPassesOnEveryMethodOfAStore() {
        for (Method method : EntityStore.class.getMethods()) {
            assertThatCode(() ->
                            EpochGuardedStore.class.getDeclaredMethod(method.getName(), method.getParameterTypes()))
                    .as("EpochGuardedStore." + method.getName()
                            + " (a default left in place drops what the store does)")
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aFailoverCommittedAfterThePassWasPlannedStopsItsWrites() {
        Counting standby = new Counting();
        List<RegionFailover> failovers = new CopyOnWriteArrayList<>();
        EntityStore guarded = guarded(standby, failovers);

        guarded.delete(null, null);
        failovers.add(committed("out", 1, "us-south", "us-east", FailoverStepResult.Skipped));

        assertThatThrownBy(() -> guarded.delete(null, null)).isInstanceOfSatisfying(IbmApiException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT);
            assertThat(e.errorCode()).isEqualTo(EpochGuardedStore.DROPPED);
        });
        assertThat(standby.writes).hasValue(1);
    }

    @Test
    void aFailoverThatIsNotTheNextCommitDoesNotStopWrites() {
        Counting standby = new Counting();
        List<RegionFailover> failovers =
                List.of(committed("old", 0, "us-east", "us-south", FailoverStepResult.Skipped));
        EntityStore guarded = guarded(standby, failovers);

        guarded.delete(null, null);
        assertThat(standby.writes).hasValue(1);
    }

    @Test
    void theLatestCommitLeavingARegionSaysWhetherItsFenceWasApplied() {
        RegionFailover fencedOut = committed("a", 1, "us-south", "us-east", FailoverStepResult.Succeeded);
        RegionFailover back = committed("b", 2, "us-east", "us-south", FailoverStepResult.Succeeded);
        RegionFailover skipped = committed("c", 3, "us-south", "us-east", FailoverStepResult.Skipped);

        assertThat(ActiveRegionLedger.fencedBy(List.of(fencedOut), 0)).containsExactly("us-south");
        assertThat(ActiveRegionLedger.fencedBy(List.of(fencedOut), 1))
                .as("not newer than the ledger")
                .isEmpty();
        assertThat(ActiveRegionLedger.fencedBy(List.of(skipped, back, fencedOut), 0))
                .containsExactly("us-east");
    }
}
