package dev.regionguard.sync;

import static dev.regionguard.sync.Action.CREATE;
import static dev.regionguard.sync.Action.DELETE;
import static dev.regionguard.sync.Action.REPLACE;
import static dev.regionguard.sync.Action.UPDATE;
import static dev.regionguard.sync.FakeStore.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.sync.SyncOutcome.Change;
import dev.regionguard.sync.SyncOutcome.Counts;
import dev.regionguard.sync.SyncOutcome.EntityIssue;
import dev.regionguard.sync.SyncOutcome.PendingDeletion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SyncEngineTest {
    private static final SyncPolicy MIRROR = mirror(10, 0, null);
    private static final SyncPolicy UPSERT_ONLY = new SyncPolicy(true, false, 10, false, 0, null);
    private static final SyncPolicy OBSERVE_ONLY = new SyncPolicy(false, false, 10, false, 0, null);

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SyncEngine engine = new SyncEngine(executor, 3);
    /** Groups are replaced when their {@code kind} changes; members reference a group. */
    private final FakeType group = new FakeType("group", Map.of(), false, Set.of("kind"));

    private final FakeType member = new FakeType("member", Map.of("group_id", "group"), false, Set.of());
    private final FakeStore primary = new FakeStore("primary");
    private final FakeStore standby = new FakeStore("standby");
    private final Watermarks watermarks = new Watermarks();
    private final Map<String, Material> materials = new HashMap<>();
    private final MaterialSource material = (type, name) -> Optional.ofNullable(materials.get(type + "/" + name));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static SyncPolicy mirror(int maxDeletions, int baseline, Integer confirmed) {
        return new SyncPolicy(true, true, maxDeletions, false, baseline, confirmed);
    }

    private SyncOutcome sync(SyncPolicy policy) {
        return sync(policy, List.of(group, member));
    }

    private SyncOutcome sync(SyncPolicy policy, List<EntityType> types) {
        return engine.sync(new SyncRequest(
                primary,
                List.of(new SyncTarget("standby", standby, watermarks, Overrides.NONE)),
                types,
                policy,
                material));
    }

    private static SyncOutcome.Target only(SyncOutcome outcome) {
        assertThat(outcome.targets()).hasSize(1);
        return outcome.targets().get(0);
    }

    private void groupWithMember() {
        ObjectNode g1 = primary.add("group", "{'name':'g1','kind':'a'}");
        primary.add("member", "{'name':'m1','group_id':'" + g1.get("id").asText() + "'}");
    }

    private void resetCounters() {
        primary.resetCounters();
        standby.resetCounters();
    }

    @Test
    void firstPassCopiesInRestoreOrderWithRemappedIds() {
        groupWithMember();

        SyncOutcome outcome = sync(MIRROR);

        SyncOutcome.Target t = only(outcome);
        assertThat(t.counts()).isEqualTo(new Counts(2, 0, 0, 0, 0, 0));
        assertThat(standby.writeLog()).containsExactly("create group/g1", "create member/m1");
        String standbyGroupId = standby.find("group", "g1").get("id").asText();
        assertThat(standbyGroupId)
                .isNotEqualTo(primary.find("group", "g1").get("id").asText());
        assertThat(standby.find("member", "m1").get("group_id").asText()).isEqualTo(standbyGroupId);
        assertThat(t.changes())
                .containsExactly(new Change("group", "g1", CREATE, true), new Change("member", "m1", CREATE, true));
        assertThat(outcome.source().complete()).isTrue();
        assertThat(outcome.source().entityCount()).isEqualTo(2);
        assertThat(outcome.source().countsByType()).containsExactly(Map.entry("group", 1), Map.entry("member", 1));
    }

    @Test
    void secondPassWithoutChangesReadsAndWritesNothing() {
        groupWithMember();
        sync(MIRROR);
        resetCounters();

        SyncOutcome.Target t = only(sync(MIRROR));

        assertThat(primary.reads.get() + standby.reads.get()).isZero();
        assertThat(standby.writes()).isZero();
        assertThat(t.counts()).isEqualTo(new Counts(0, 0, 0, 2, 0, 0));
        assertThat(t.changes()).isEmpty();
    }

    @Test
    void changeOnSourceReadsOnePairAndUpdatesOnce() {
        groupWithMember();
        sync(MIRROR);
        primary.change("group", "g1", "description", "new");
        resetCounters();

        SyncOutcome.Target t = only(sync(MIRROR));

        assertThat(primary.reads.get()).isEqualTo(1);
        assertThat(standby.reads.get()).isEqualTo(1);
        assertThat(standby.writeLog()).containsExactly("update group/g1");
        assertThat(standby.find("group", "g1").get("description").asText()).isEqualTo("new");
        assertThat(t.counts()).isEqualTo(new Counts(0, 1, 0, 1, 0, 0));
    }

    @Test
    void fullCompareReadsEverythingButWritesOnlyDifferences() {
        groupWithMember();
        sync(MIRROR);
        standby.change("member", "m1", "description", "edited on the standby");
        resetCounters();

        SyncOutcome.Target t = only(sync(new SyncPolicy(true, true, 10, true, 0, null)));

        assertThat(primary.reads.get()).isEqualTo(2);
        assertThat(standby.writeLog()).containsExactly("update member/m1");
        assertThat(standby.find("member", "m1").has("description")).isFalse();
        assertThat(t.counts()).isEqualTo(new Counts(0, 1, 0, 1, 0, 0));
    }

    @Test
    void listItemsThatAreCompleteAreNeverReadAgain() {
        FakeType label = new FakeType("label", Map.of(), true, Set.of());
        primary.add("label", "{'name':'l1','color':'red'}");
        sync(MIRROR, List.of(label));
        primary.change("label", "l1", "color", "blue");
        resetCounters();

        sync(MIRROR, List.of(label));

        assertThat(primary.reads.get() + standby.reads.get()).isZero();
        assertThat(standby.find("label", "l1").get("color").asText()).isEqualTo("blue");
    }

    @Test
    void renameDeletesTheOldAndCreatesTheNew() {
        groupWithMember();
        sync(MIRROR);
        primary.change("member", "m1", "name", "m2");

        SyncOutcome.Target t = only(sync(MIRROR));

        assertThat(standby.names("member")).containsExactly("m2");
        assertThat(t.changes())
                .containsExactly(new Change("member", "m1", DELETE, true), new Change("member", "m2", CREATE, true));
        assertThat(t.counts()).isEqualTo(new Counts(1, 0, 1, 1, 0, 0));
    }

    @Test
    void deletionOnSourceFollowsInMirrorAndForgetsTheWatermark() {
        primary.add("group", "{'name':'g1'}");
        primary.add("group", "{'name':'g2'}");
        sync(MIRROR);
        assertThat(watermarks.size()).isEqualTo(2);
        primary.remove("group", "g2");

        SyncOutcome.Target t = only(sync(MIRROR));

        assertThat(standby.names("group")).containsExactly("g1");
        assertThat(t.changes()).containsExactly(new Change("group", "g2", DELETE, true));
        assertThat(t.holdReason()).isNull();
        assertThat(watermarks.size()).isEqualTo(1);
    }

    @Test
    void deletionsAreCappedPerPassAndTheRestListedAsPending() {
        primary.add("group", "{'name':'g0'}");
        for (int i = 1; i <= 5; i++) {
            standby.add("group", "{'name':'x" + i + "'}");
        }

        SyncOutcome.Target unproven = only(sync(mirror(2, 0, null)));

        assertThat(standby.deletes.get()).isZero();
        assertThat(unproven.pendingDeletions())
                .hasSize(5)
                .extracting(PendingDeletion::reason)
                .containsOnly("AwaitingConfirmation");

        SyncOutcome.Target first = only(sync(mirror(2, 0, null)));

        assertThat(first.counts().deleted()).isEqualTo(2);
        assertThat(standby.names("group")).containsExactly("g0", "x3", "x4", "x5");
        assertThat(first.pendingDeletions())
                .containsExactly(
                        new PendingDeletion("group", "x3", "DeletionCapReached"),
                        new PendingDeletion("group", "x4", "DeletionCapReached"),
                        new PendingDeletion("group", "x5", "DeletionCapReached"));

        SyncOutcome.Target second = only(sync(mirror(2, 0, null)));

        assertThat(second.counts().deleted()).isEqualTo(2);
        assertThat(second.pendingDeletions()).extracting(PendingDeletion::name).containsExactly("x5");
    }

    @Test
    void dependentsAreDeletedBeforeWhatTheyReference() {
        ObjectNode gx = standby.add("group", "{'name':'gx'}");
        standby.add("member", "{'name':'mx','group_id':'" + gx.get("id").asText() + "'}");
        ObjectNode g0 = primary.add("group", "{'name':'g0'}");
        primary.add("member", "{'name':'m0','group_id':'" + g0.get("id").asText() + "'}");

        sync(MIRROR);
        sync(MIRROR);

        assertThat(standby.writeLog()).containsSubsequence("delete member/mx", "delete group/gx");
    }

    @Test
    void upsertOnlyNeverDeletes() {
        primary.add("group", "{'name':'g1'}");
        standby.add("group", "{'name':'x1'}");

        SyncOutcome.Target t = only(sync(UPSERT_ONLY));

        assertThat(standby.deletes.get()).isZero();
        assertThat(standby.names("group")).containsExactly("g1", "x1");
        assertThat(t.pendingDeletions()).containsExactly(new PendingDeletion("group", "x1", "DeletesDisabled"));
        assertThat(t.holdReason()).isNull();
    }

    @Test
    void observeOnlyWritesNothingAndReportsDrift() {
        primary.add("group", "{'name':'g1'}");
        primary.add("group", "{'name':'g2','description':'new'}");
        standby.add("group", "{'name':'g2','description':'old'}");
        standby.add("group", "{'name':'x1'}");

        SyncOutcome.Target t = only(sync(OBSERVE_ONLY));

        assertThat(standby.writes()).isZero();
        assertThat(t.changes())
                .containsExactly(new Change("group", "g1", CREATE, false), new Change("group", "g2", UPDATE, false));
        assertThat(t.counts()).isEqualTo(new Counts(0, 0, 0, 0, 2, 0));
        assertThat(t.issues())
                .containsExactly(
                        new EntityIssue("group", "g1", "ObserveOnly", "would create"),
                        new EntityIssue("group", "g2", "ObserveOnly", "would update"));
        assertThat(t.pendingDeletions()).containsExactly(new PendingDeletion("group", "x1", "DeletesDisabled"));
    }

    @Test
    void failedSourceListHoldsAllDeletionsWhileOtherTypesAreUpserted() {
        FakeType tag = new FakeType("tag", Map.of("member_id", "member"), false, Set.of());
        primary.add("group", "{'name':'g1'}");
        primary.add("member", "{'name':'m1'}");
        standby.add("group", "{'name':'gx'}");
        standby.add("member", "{'name':'mx'}");
        primary.failList("member", error(500, "internal error"));

        SyncOutcome outcome = sync(MIRROR, List.of(group, member, tag));

        SyncOutcome.Target t = only(outcome);
        assertThat(outcome.source().complete()).isFalse();
        assertThat(outcome.source().error()).isNull();
        assertThat(standby.writeLog()).containsExactly("create group/g1");
        assertThat(t.holdReason()).isEqualTo("PrimaryListIncomplete");
        assertThat(t.pendingDeletions()).containsExactly(new PendingDeletion("group", "gx", "PrimaryListIncomplete"));
        assertThat(t.issues())
                .extracting(EntityIssue::type, EntityIssue::name, EntityIssue::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("member", null, "PrimaryReadFailed"),
                        org.assertj.core.groups.Tuple.tuple("tag", null, "PrimaryReadFailed"));
        assertThat(t.issues().get(0).message()).contains("500");
    }

    @Test
    void sourceWithoutAccessTouchesNoTarget() {
        primary.add("group", "{'name':'g1'}");
        standby.add("group", "{'name':'x1'}");
        primary.failList("member", error(403, "forbidden"));

        SyncOutcome outcome = sync(MIRROR);

        assertThat(outcome.source().error()).contains("403");
        assertThat(outcome.source().errorCategory()).isEqualTo(ErrorCategory.AUTHORIZATION);
        assertThat(standby.writes()).isZero();
        assertThat(only(outcome).counts()).isEqualTo(Counts.ZERO);
    }

    @Test
    void emptySourceDeletesNothingUntilConfirmed() {
        standby.add("group", "{'name':'x1'}");
        standby.add("group", "{'name':'x2'}");

        SyncOutcome.Target held = only(sync(MIRROR));

        assertThat(standby.deletes.get()).isZero();
        assertThat(held.holdReason()).isEqualTo("PrimaryEmpty");
        assertThat(held.pendingDeletions())
                .extracting(PendingDeletion::reason)
                .containsOnly("PrimaryEmpty")
                .hasSize(2);

        SyncOutcome.Target confirmed = only(sync(mirror(10, 0, 0)));

        assertThat(confirmed.holdReason()).isNull();
        assertThat(standby.names("group")).isEmpty();
    }

    @Test
    void sharpShrinkIsHeldUntilTheCountIsConfirmed() {
        for (int i = 1; i <= 5; i++) {
            primary.add("group", "{'name':'p" + i + "'}");
        }
        for (int i = 10; i < 25; i++) {
            standby.add("group", "{'name':'x" + i + "'}");
        }

        SyncOutcome.Target held = only(sync(mirror(10, 20, null)));

        assertThat(held.holdReason()).isEqualTo("PrimaryShrunk");
        assertThat(standby.deletes.get()).isZero();
        assertThat(held.counts().created()).isEqualTo(5);
        assertThat(held.pendingDeletions())
                .hasSize(15)
                .extracting(PendingDeletion::reason)
                .containsOnly("PrimaryShrunk");

        SyncOutcome.Target confirmed = only(sync(mirror(10, 20, 5)));

        assertThat(confirmed.holdReason()).isNull();
        assertThat(confirmed.counts().deleted()).isEqualTo(10);
        assertThat(confirmed.pendingDeletions())
                .hasSize(5)
                .extracting(PendingDeletion::reason)
                .containsOnly("DeletionCapReached");
    }

    @Test
    void oneFailedWriteDoesNotStopTheOthers() {
        primary.add("group", "{'name':'g1'}");
        primary.add("group", "{'name':'g2'}");
        primary.add("group", "{'name':'g3'}");
        standby.failWrite("group", "g2", error(500, "internal error"));

        SyncOutcome.Target t = only(sync(MIRROR));

        assertThat(standby.names("group")).containsExactly("g1", "g3");
        assertThat(t.counts()).isEqualTo(new Counts(2, 0, 0, 0, 0, 1));
        assertThat(t.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.name()).isEqualTo("g2");
            assertThat(issue.reason()).isEqualTo("WriteFailed");
            assertThat(issue.message()).isEqualTo("create: 500 code_500: internal error (trace trace-1)");
        });
    }

    @Test
    void unexpectedExceptionIsReportedByClassOnly() {
        primary.add("group", "{'name':'g1'}");
        standby.failWrite("group", "g1", new IllegalStateException("body was {\"token\":\"s3cr3t\"}"));

        SyncOutcome.Target t = only(sync(MIRROR));

        assertThat(t.issues())
                .singleElement()
                .satisfies(issue -> assertThat(issue.message()).isEqualTo("create: unexpected IllegalStateException"));
    }

    @Test
    void conflictOnCreateIsReportedOncePerPassNotRetried() {
        primary.add("group", "{'name':'g1'}");
        standby.failWrite("group", "g1", error(409, "name already exists"));

        SyncOutcome.Target t = only(sync(MIRROR));

        assertThat(standby.creates.get()).isEqualTo(1);
        assertThat(t.counts().failed()).isEqualTo(1);
        assertThat(t.issues()).extracting(EntityIssue::reason).containsExactly("WriteFailed");
    }

    @Test
    void builtInsAreMatchedAndUpdatedButNeverCreatedOrDeleted() {
        primary.add("group", "{'name':'g1'}");
        primary.add("group", "{'name':'b1','builtin':true,'enabled':true}");
        primary.add("group", "{'name':'b2','builtin':true}");
        standby.add("group", "{'name':'b1','builtin':true,'enabled':false}");
        standby.add("group", "{'name':'b9','builtin':true}");

        SyncOutcome outcome = sync(MIRROR);

        SyncOutcome.Target t = only(outcome);
        assertThat(standby.find("group", "b1").get("enabled").asBoolean()).isTrue();
        assertThat(standby.names("group")).containsExactly("b1", "b9", "g1");
        assertThat(t.issues())
                .extracting(EntityIssue::name, EntityIssue::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b2", "BuiltInMissing"));
        assertThat(t.pendingDeletions()).isEmpty();
        assertThat(t.counts()).isEqualTo(new Counts(1, 1, 0, 0, 1, 0));
        assertThat(outcome.source().entityCount()).isEqualTo(1);
    }

    @Test
    void materialChangeUpdatesWithoutAnyChangeOnTheSource() {
        FakeType hook = FakeType.simple("hook");
        primary.add("hook", "{'name':'h1','needs_secret':true}");
        materials.put("hook/h1", new Material(Map.of("secret", "s3cr3t-1"), List.of(), "d1", "Secret hook-keys"));
        sync(MIRROR, List.of(hook));
        assertThat(standby.find("hook", "h1").get("secret").asText()).isEqualTo("s3cr3t-1");
        resetCounters();

        only(sync(MIRROR, List.of(hook)));
        assertThat(primary.reads.get() + standby.reads.get() + standby.writes()).isZero();

        materials.put("hook/h1", new Material(Map.of("secret", "s3cr3t-2"), List.of(), "d2", "Secret hook-keys"));
        SyncOutcome.Target t = only(sync(MIRROR, List.of(hook)));

        assertThat(standby.writeLog()).containsExactly("update hook/h1");
        assertThat(standby.find("hook", "h1").get("secret").asText()).isEqualTo("s3cr3t-2");
        assertThat(t.counts().updated()).isEqualTo(1);
    }

    @Test
    void missingMaterialSkipsTheEntityWithoutShowingOtherSecrets() {
        FakeType hook = FakeType.simple("hook");
        primary.add("hook", "{'name':'h1','needs_secret':true}");
        primary.add("hook", "{'name':'h2','needs_secret':true}");
        materials.put("hook/h2", new Material(Map.of("secret", "s3cr3t"), List.of(), "d1", "Secret hook-keys"));

        SyncOutcome outcome = sync(MIRROR, List.of(hook));

        SyncOutcome.Target t = only(outcome);
        assertThat(standby.names("hook")).containsExactly("h2");
        assertThat(t.issues())
                .extracting(EntityIssue::name, EntityIssue::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("h1", "MissingSecret"));
        assertThat(outcome.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void recreatedEntityMakesItsDependentsCompareInFull() {
        groupWithMember();
        sync(MIRROR);
        String oldGroupId = standby.find("group", "g1").get("id").asText();
        primary.change("group", "g1", "kind", "b");

        SyncOutcome.Target t = only(sync(MIRROR));

        String newGroupId = standby.find("group", "g1").get("id").asText();
        assertThat(newGroupId).isNotEqualTo(oldGroupId);
        assertThat(standby.find("member", "m1").get("group_id").asText()).isEqualTo(newGroupId);
        assertThat(t.changes())
                .containsExactly(new Change("group", "g1", REPLACE, true), new Change("member", "m1", UPDATE, true));
    }

    @Test
    void renamedEntityWhoseCreateAnswerWasLostIsFoundByListAndItsDependentsFollow() {
        groupWithMember();
        sync(MIRROR);
        primary.change("group", "g1", "name", "g2");
        standby.loseCreateAnswer("group", "g2", error(504, "gateway timeout"));

        SyncOutcome.Target lost = only(sync(MIRROR));

        assertThat(lost.issues())
                .extracting(EntityIssue::name, EntityIssue::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("g2", "WriteFailed"));
        String g2 = standby.find("group", "g2").get("id").asText();
        assertThat(standby.find("member", "m1").get("group_id").asText()).isNotEqualTo(g2);

        SyncOutcome.Target next = only(sync(MIRROR));

        assertThat(standby.find("member", "m1").get("group_id").asText()).isEqualTo(g2);
        assertThat(next.changes()).containsExactly(new Change("member", "m1", UPDATE, true));
    }

    @Test
    void entityRecreatedOnTheStandbyByOthersMakesItsDependentsCompareInFull() {
        groupWithMember();
        sync(MIRROR);
        standby.remove("group", "g1");
        String recreated =
                standby.add("group", "{'name':'g1','kind':'a'}").get("id").asText();

        SyncOutcome.Target t = only(sync(MIRROR));

        assertThat(standby.find("member", "m1").get("group_id").asText()).isEqualTo(recreated);
        assertThat(t.changes()).containsExactly(new Change("member", "m1", UPDATE, true));
    }

    @Test
    void passAfterACreateDoesNotCompareDependentsInFullAgain() {
        groupWithMember();
        sync(MIRROR);
        primary.add("group", "{'name':'g2','kind':'a'}");
        sync(MIRROR);
        resetCounters();

        only(sync(MIRROR));

        assertThat(primary.reads.get() + standby.reads.get()).isZero();
        assertThat(standby.writes()).isZero();
    }

    @Test
    void unresolvedReferenceIsSkippedNotWritten() {
        ObjectNode g1 = primary.add("group", "{'name':'g1'}");
        primary.add("member", "{'name':'m1','group_id':'" + g1.get("id").asText() + "'}");
        standby.failWrite("group", "g1", error(500, "internal error"));

        SyncOutcome.Target t = only(sync(MIRROR));

        assertThat(standby.names("member")).isEmpty();
        assertThat(t.issues())
                .extracting(EntityIssue::name, EntityIssue::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("g1", "WriteFailed"),
                        org.assertj.core.groups.Tuple.tuple("m1", "MissingReference"));
    }

    @Test
    void twoTargetsEachConvergeAndShareSourceReads() {
        groupWithMember();
        FakeStore other = new FakeStore("other");
        other.add("group", "{'name':'g1','kind':'a'}");
        List<SyncTarget> targets = List.of(
                new SyncTarget("standby", standby, watermarks, Overrides.NONE),
                new SyncTarget("other", other, new Watermarks(), Overrides.NONE));

        SyncOutcome outcome = engine.sync(new SyncRequest(primary, targets, List.of(group, member), MIRROR, material));

        assertThat(outcome.targets()).extracting(SyncOutcome.Target::name).containsExactly("standby", "other");
        assertThat(outcome.targets().get(0).counts()).isEqualTo(new Counts(2, 0, 0, 0, 0, 0));
        assertThat(outcome.targets().get(1).counts()).isEqualTo(new Counts(1, 0, 0, 1, 0, 0));
        assertThat(other.find("member", "m1").get("group_id").asText())
                .isEqualTo(other.find("group", "g1").get("id").asText());
        assertThat(primary.reads.get()).isEqualTo(2);
    }

    @Test
    void unreachableTargetIsReportedWhileAnotherSyncs() {
        groupWithMember();
        FakeStore down = new FakeStore("down");
        down.failList("member", error(0, "connection refused"));
        List<SyncTarget> targets = List.of(
                new SyncTarget("down", down, new Watermarks(), Overrides.NONE),
                new SyncTarget("standby", standby, watermarks, Overrides.NONE));

        SyncOutcome outcome = engine.sync(new SyncRequest(primary, targets, List.of(group, member), MIRROR, material));

        SyncOutcome.Target unreached = outcome.targets().get(0);
        assertThat(unreached.reached()).isFalse();
        assertThat(unreached.errorCategory()).isEqualTo(ErrorCategory.UNREACHABLE);
        assertThat(unreached.error()).contains("connection refused");
        assertThat(down.writes()).isZero();
        assertThat(outcome.targets().get(1).counts().created()).isEqualTo(2);
    }

    @Test
    void writeResponseWithoutMarkerIsSettledByOneListSoTheNextPassReadsNothing() {
        standby.markerInWriteResponse = false;
        primary.add("group", "{'name':'g1'}");
        sync(MIRROR);
        // One list per type (group, member) to begin with, one more for the type that was written.
        assertThat(standby.lists.get()).isEqualTo(2 + 1);
        resetCounters();

        sync(MIRROR);
        assertThat(primary.reads.get() + standby.reads.get()).isZero();
        assertThat(standby.writes()).isZero();
        assertThat(standby.lists.get()).as("nothing written, nothing to settle").isEqualTo(2);
    }

    @Test
    void issuesAreCappedButCountsStayExact() {
        FakeType hook = FakeType.simple("hook");
        for (int i = 10; i < 70; i++) {
            primary.add("hook", "{'name':'h" + i + "','needs_secret':true}");
        }

        SyncOutcome.Target t = only(sync(MIRROR, List.of(hook)));

        assertThat(t.counts().skipped()).isEqualTo(60);
        assertThat(t.issues()).hasSize(TargetReport.MAX_LISTED);
        assertThat(t.issues().get(0).name()).isEqualTo("h10");
        assertThat(t.issues().get(49).name()).isEqualTo("h59");
    }

    @Test
    @Timeout(20)
    void singleThreadPoolDoesNotDeadlock() {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            groupWithMember();
            primary.add("group", "{'name':'g2'}");
            SyncOutcome outcome = new SyncEngine(single, 4)
                    .sync(new SyncRequest(
                            primary,
                            List.of(new SyncTarget("standby", standby, watermarks, Overrides.NONE)),
                            List.of(group, member),
                            MIRROR,
                            material));
            assertThat(only(outcome).counts().created()).isEqualTo(3);
        } finally {
            single.shutdownNow();
        }
    }
}
