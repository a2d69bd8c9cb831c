package dev.regionguard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.sync.SyncOutcome.EntityIssue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writes are confirmed: an update the standby answers but does not take is reported, not repeated every pass. */
class WriteNotAppliedTest {
    private static final SyncPolicy QUIET = new SyncPolicy(true, true, 10, false, 0, null);
    private static final SyncPolicy FULL = new SyncPolicy(true, true, 10, true, 0, null);

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SyncEngine engine = new SyncEngine(executor, 3);
    private final FakeType group = new FakeType("group", java.util.Map.of(), false, Set.of());
    private final FakeStore primary = new FakeStore("primary");
    private final FakeStore standby = new FakeStore("standby");
    private final Watermarks watermarks = new Watermarks();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private SyncOutcome.Target sync(SyncPolicy policy) {
        return engine.sync(new SyncRequest(
                        primary,
                        List.of(new SyncTarget("standby", standby, watermarks, Overrides.NONE)),
                        List.of(group),
                        policy,
                        (type, name) -> Optional.empty()))
                .targets()
                .get(0);
    }

    /** g1 synced, then changed on the primary in a field the standby silently ignores on update. */
    private void updateTheStandbyIgnores() {
        primary.add("group", "{'name':'g1','note':'old'}");
        sync(QUIET);
        standby.ignoreOnUpdate("group", "note");
        primary.change("group", "g1", "note", "new");
        sync(QUIET);
        primary.resetCounters();
        standby.resetCounters();
    }

    @Test
    void anIgnoredUpdateIsReportedWithItsFieldAndWrittenAgainOnlyAfterABackOff() {
        updateTheStandbyIgnores();

        SyncOutcome.Target quiet = sync(QUIET);
        SyncOutcome.Target found = sync(FULL);
        SyncOutcome.Target quietAfter = sync(QUIET);
        SyncOutcome.Target backOff = sync(FULL);
        SyncOutcome.Target foundAgain = sync(FULL);

        assertThat(quiet.issues()).isEmpty(); // unknown until a compare reads both sides
        assertThat(found.issues())
                .extracting(EntityIssue::name, EntityIssue::reason)
                .containsExactly(Tuple.tuple("g1", "WriteNotApplied"));
        assertThat(found.issues().get(0).message()).contains("[note]");
        assertThat(found.counts().skipped()).isEqualTo(1);
        assertThat(found.counts().failed()).isZero();
        // Still reported while nothing changed, without a read or a write.
        assertThat(quietAfter.issues()).extracting(EntityIssue::reason).containsExactly("WriteNotApplied");
        // One write per two full compares, never one per pass.
        assertThat(standby.writeLog()).containsExactly("update group/g1");
        assertThat(backOff.issues()).extracting(EntityIssue::reason).containsExactly("WriteNotApplied");
        assertThat(foundAgain.issues()).extracting(EntityIssue::reason).containsExactly("WriteNotApplied");
    }

    @Test
    void theReportEndsWhenTheSourceChangesAndTheStandbyTakesIt() {
        updateTheStandbyIgnores();
        sync(FULL);
        standby.acceptUpdates("group");
        primary.change("group", "g1", "note", "newer");

        SyncOutcome.Target t = sync(QUIET);

        assertThat(t.issues()).isEmpty();
        assertThat(standby.find("group", "g1").get("note").asText()).isEqualTo("newer");
        assertThat(sync(FULL).issues()).isEmpty();
    }

    @Test
    void aStandbyEditedAfterOurUpdateIsWrittenAgainNotReported() {
        primary.add("group", "{'name':'g1','note':'old'}");
        sync(QUIET);
        primary.change("group", "g1", "note", "new");
        sync(QUIET);
        standby.change("group", "g1", "note", "edited by hand");
        standby.resetCounters();

        SyncOutcome.Target t = sync(FULL);

        assertThat(t.issues()).isEmpty();
        assertThat(standby.writeLog()).containsExactly("update group/g1");
        assertThat(standby.find("group", "g1").get("note").asText()).isEqualTo("new");
    }
}
