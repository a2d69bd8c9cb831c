package dev.regionguard.sync;

import static dev.regionguard.sync.FakeStore.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.sync.SyncOutcome.PendingDeletion;
import dev.regionguard.sync.SyncOutcome.TypeHold;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Poisoned and shifting primary lists against the deletion guards: a deletion needs proof, and
 * each type has its own shrink guard whose baseline goes down only by proven deletions or the
 * owner's confirmed count. Baselines are carried from pass to pass as the operator does (status).
 */
class DeletionGuardsTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SyncEngine engine = new SyncEngine(executor, 3);
    private final FakeType group = FakeType.simple("group");
    private final FakeType member = FakeType.simple("member");
    private final FakeStore primary = new FakeStore("primary");
    private final FakeStore standby = new FakeStore("standby");
    private Watermarks watermarks = new Watermarks();
    private Map<String, Integer> baselines = Map.of();
    private int totalBaseline;
    private int cap = 10;
    private Integer confirmed;

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** One Mirror pass; its baselines feed the next pass, as the status does in the operator. */
    private SyncOutcome.Target pass() {
        SyncPolicy policy = new SyncPolicy(true, true, cap, false, totalBaseline, confirmed, baselines);
        SyncOutcome outcome = engine.sync(new SyncRequest(
                primary,
                List.of(new SyncTarget("standby", standby, watermarks, Overrides.NONE)),
                List.of(group, member),
                policy,
                (type, name) -> Optional.empty()));
        baselines = outcome.source().baselineByType();
        totalBaseline = baselines.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(outcome.targets()).hasSize(1);
        return outcome.targets().get(0);
    }

    private void addOnPrimary(String type, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            primary.add(type, "{'name':'" + prefix + i + "'}");
        }
    }

    /** Both sides in sync with the given counts, baselines established. */
    private void synced(int groups, int members) {
        addOnPrimary("group", "g", groups);
        addOnPrimary("member", "m", members);
        pass();
        assertThat(standby.names("group")).hasSize(groups);
        assertThat(standby.names("member")).hasSize(members);
        standby.resetCounters();
        primary.resetCounters();
    }

    @Test
    void anEmptyListOfOneTypeHoldsThatTypeWhateverTheTotalSays() {
        synced(30, 5);
        for (int i = 0; i < 5; i++) {
            primary.hideFromLists("member", "m" + i); // 200 with an empty list: 30 of 35 in total
        }

        SyncOutcome.Target t = pass();

        assertThat(standby.deletes.get()).isZero();
        assertThat(t.holdReason()).isNull();
        assertThat(t.typeHolds())
                .extracting(TypeHold::type, TypeHold::reason, TypeHold::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("member", "PrimaryTypeEmpty", 5));
        assertThat(t.pendingDeletions()).extracting(PendingDeletion::reason).containsOnly("PrimaryTypeEmpty");
        assertThat(baselines).containsEntry("member", 5).containsEntry("group", 30);
    }

    @Test
    void aSharpShrinkOfOneTypeIsHeldAgainstItsOwnBaseline() {
        synced(40, 30);
        for (int i = 4; i < 30; i++) {
            primary.hideFromLists("member", "m" + i); // a cut page: 4 of 30 members, 44 of 70 in total
        }

        SyncOutcome.Target t = pass();

        assertThat(standby.deletes.get()).isZero();
        assertThat(t.holdReason()).isNull();
        assertThat(t.typeHolds())
                .extracting(TypeHold::type, TypeHold::reason, TypeHold::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("member", "PrimaryTypeShrunk", 26));
        assertThat(t.typeHolds().get(0).message()).contains("lists 4 member", "baseline 30");
        assertThat(baselines).containsEntry("member", 30);
    }

    @Test
    void anEntityTheListLeavesOutButADirectReadFindsIsKeptAndTheBaselineStays() {
        synced(20, 1);
        primary.hideFromLists("group", "g3");
        primary.hideFromLists("group", "g7");

        SyncOutcome.Target t = pass();

        assertThat(standby.deletes.get()).isZero();
        assertThat(primary.finds.get()).isEqualTo(2);
        assertThat(t.pendingDeletions())
                .containsExactly(
                        new PendingDeletion("group", "g3", "StillOnPrimary"),
                        new PendingDeletion("group", "g7", "StillOnPrimary"));
        assertThat(t.typeHolds()).isEmpty();
        assertThat(baselines).containsEntry("group", 20);

        // The same poison on every pass never deletes: the id stays known while the standby has it.
        pass();
        pass();
        assertThat(standby.deletes.get()).isZero();
        assertThat(standby.names("group")).hasSize(20);
        assertThat(baselines).containsEntry("group", 20);
    }

    @Test
    void anEntityShiftedOutOfOneListIsNotDeletedEvenWithoutAKnownId() {
        synced(20, 1);
        watermarks = new Watermarks(); // an operator restart: no id known, no direct read possible
        primary.hideFromLists("group", "g5"); // offset paging shifted it between two pages

        SyncOutcome.Target shifted = pass();
        primary.showInLists("group");
        SyncOutcome.Target next = pass();

        assertThat(shifted.pendingDeletions())
                .containsExactly(new PendingDeletion("group", "g5", "AwaitingConfirmation"));
        assertThat(next.pendingDeletions()).isEmpty();
        assertThat(standby.deletes.get()).isZero();
        assertThat(standby.names("group")).contains("g5");
    }

    @Test
    void absenceFromTwoConsecutiveCompleteListsProvesADeletion() {
        synced(20, 1);
        standby.add("group", "{'name':'stray'}"); // made on the standby: no primary id was ever known

        SyncOutcome.Target first = pass();
        primary.failList("group", error(500, "internal error"));
        SyncOutcome.Target incomplete = pass();
        primary.failList("group", null);
        SyncOutcome.Target afterGap = pass();
        SyncOutcome.Target second = pass();

        assertThat(first.pendingDeletions())
                .containsExactly(new PendingDeletion("group", "stray", "AwaitingConfirmation"));
        assertThat(incomplete.holdReason()).isEqualTo("PrimaryListIncomplete");
        assertThat(incomplete.counts().deleted()).isZero();
        // The lists around the failed one are not consecutive: absence must be seen twice again.
        assertThat(afterGap.pendingDeletions())
                .containsExactly(new PendingDeletion("group", "stray", "AwaitingConfirmation"));
        assertThat(second.counts().deleted()).isEqualTo(1);
        assertThat(standby.names("group")).doesNotContain("stray").hasSize(20);
        assertThat(primary.finds.get()).isZero();
    }

    @Test
    void aDirectRead404ProvesADeletionInOnePassAndLowersTheBaseline() {
        synced(20, 1);
        primary.remove("group", "g4");
        primary.remove("group", "g9");

        SyncOutcome.Target t = pass();

        assertThat(t.counts().deleted()).isEqualTo(2);
        assertThat(primary.finds.get()).isEqualTo(2);
        assertThat(standby.names("group")).hasSize(18).doesNotContain("g4", "g9");
        assertThat(baselines).containsEntry("group", 18);
    }

    @Test
    void aFailedDirectReadHoldsTheDeletionUntilARead404s() {
        synced(20, 1);
        primary.remove("group", "g4");
        primary.failFind("group", error(503, "unavailable"));

        SyncOutcome.Target failed = pass();
        primary.failFind("group", null);
        SyncOutcome.Target later = pass();

        assertThat(failed.pendingDeletions()).containsExactly(new PendingDeletion("group", "g4", "ConfirmationFailed"));
        assertThat(failed.counts().deleted()).isZero();
        assertThat(later.counts().deleted()).isEqualTo(1);
    }

    @Test
    void aRenameOnThePrimaryIsProvenByTheListItselfWithoutARead() {
        synced(5, 1);
        primary.change("group", "g2", "name", "g2-renamed");

        SyncOutcome.Target t = pass();

        assertThat(primary.finds.get()).isZero();
        assertThat(standby.names("group")).contains("g2-renamed").doesNotContain("g2");
        assertThat(t.counts().deleted()).isEqualTo(1);
    }

    @Test
    void directReadsAreBoundedByTheCap() {
        cap = 2;
        synced(20, 1);
        for (int i = 0; i < 5; i++) {
            primary.remove("group", "g" + i);
        }

        SyncOutcome.Target t = pass();

        assertThat(primary.finds.get()).isEqualTo(2);
        assertThat(t.counts().deleted()).isEqualTo(2);
        assertThat(t.pendingDeletions())
                .hasSize(3)
                .extracting(PendingDeletion::reason)
                .containsOnly("DeletionCapReached");
        assertThat(baselines).containsEntry("group", 18);
    }

    @Test
    void theOwnersConfirmedCountReleasesATypeHoldAndResetsItsBaseline() {
        synced(30, 15); // more members than one pass may delete
        for (int i = 0; i < 15; i++) {
            primary.remove("member", "m" + i); // really gone this time
        }
        SyncOutcome.Target held = pass();
        SyncOutcome.Target stillHeld = pass();

        confirmed = 30;
        SyncOutcome.Target released = pass();
        SyncOutcome.Target rest = pass();

        assertThat(held.typeHolds()).extracting(TypeHold::reason).containsExactly("PrimaryTypeEmpty");
        assertThat(stillHeld.typeHolds()).extracting(TypeHold::reason).containsExactly("PrimaryTypeEmpty");
        assertThat(released.typeHolds()).isEmpty();
        assertThat(released.counts().deleted()).isEqualTo(10);
        assertThat(rest.counts().deleted()).isEqualTo(5);
        assertThat(standby.names("member")).isEmpty();
        assertThat(baselines).containsEntry("member", 0);
    }

    @Test
    void aSmallTypeEmptiedForRealGoesOnDirectReadsButNotWithoutThem() {
        synced(20, 3);
        for (int i = 0; i < 3; i++) {
            primary.remove("member", "m" + i); // the last 3 members: within one pass's cap
        }
        Watermarks known = watermarks;
        watermarks = new Watermarks(); // no ids known: two empty lists are not proof enough here

        SyncOutcome.Target withoutIds = pass();
        SyncOutcome.Target stillWithoutReads = pass();
        watermarks = known;
        SyncOutcome.Target withIds = pass();

        assertThat(withoutIds.typeHolds()).extracting(TypeHold::reason).containsExactly("PrimaryTypeEmpty");
        assertThat(stillWithoutReads.typeHolds()).extracting(TypeHold::reason).containsExactly("PrimaryTypeEmpty");
        assertThat(withIds.typeHolds()).isEmpty();
        assertThat(withIds.counts().deleted()).isEqualTo(3);
        assertThat(primary.finds.get()).isEqualTo(3);
        assertThat(baselines).containsEntry("member", 0);
    }

    @Test
    void aConfirmedCountDoesNotDeleteWhatADirectReadStillFinds() {
        synced(30, 5);
        for (int i = 0; i < 5; i++) {
            primary.hideFromLists("member", "m" + i);
        }
        pass();

        confirmed = 30;
        SyncOutcome.Target t = pass();

        assertThat(t.typeHolds()).isEmpty();
        assertThat(t.pendingDeletions())
                .hasSize(5)
                .extracting(PendingDeletion::reason)
                .containsOnly("StillOnPrimary");
        assertThat(standby.deletes.get()).isZero();
    }

    @Test
    void baselinesFollowGrowthFreely() {
        synced(5, 1);
        addOnPrimary("group", "more", 7);

        pass();

        assertThat(baselines).containsEntry("group", 12).containsEntry("member", 1);
        assertThat(totalBaseline).isEqualTo(13);
    }
}
