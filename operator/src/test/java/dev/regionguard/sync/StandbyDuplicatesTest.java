package dev.regionguard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.SyncOutcome.EntityIssue;
import dev.regionguard.sync.SyncOutcome.PendingDeletion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A key twice on a standby (a create whose answer was lost, made again): Mirror keeps one copy. */
class StandbyDuplicatesTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SyncEngine engine = new SyncEngine(executor, 3);
    private final FakeType group = FakeType.simple("group");
    private final FakeType member = new FakeType("member", Map.of("group_id", "group"), false, Set.of());
    private final FakeStore primary = new FakeStore("primary");
    private final FakeStore standby = new FakeStore("standby");
    private final Watermarks watermarks = new Watermarks();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private SyncOutcome.Target sync(boolean deletes, int cap) {
        SyncOutcome outcome = engine.sync(new SyncRequest(
                primary,
                List.of(new SyncTarget("standby", standby, watermarks, Overrides.NONE)),
                List.of(group, member),
                new SyncPolicy(true, deletes, cap, false, 0, null),
                (type, name) -> Optional.empty()));
        return outcome.targets().get(0);
    }

    /** g1 with member m1 on both sides, plus a second g1 on the standby that nothing references. */
    private ObjectNode syncedWithACopy() {
        ObjectNode g1 = primary.add("group", "{'name':'g1'}");
        primary.add("member", "{'name':'m1','group_id':'" + g1.get("id").asText() + "'}");
        sync(true, 10);
        ObjectNode original = standby.find("group", "g1");
        standby.add("group", "{'name':'g1'}");
        assertThat(standby.names("group")).containsExactly("g1", "g1");
        return original;
    }

    @Test
    void mirrorRemovesTheCopyNothingReferencesAndKeepsTheReferencedOne() {
        ObjectNode original = syncedWithACopy();

        SyncOutcome.Target t = sync(true, 10);

        assertThat(standby.names("group")).containsExactly("g1");
        assertThat(standby.find("group", "g1").get("id")).isEqualTo(original.get("id"));
        assertThat(standby.find("member", "m1").get("group_id")).isEqualTo(original.get("id"));
        assertThat(t.duplicatesRemoved()).containsExactly("group/g1");
        assertThat(t.counts().deleted()).isEqualTo(1);
        assertThat(t.issues()).isEmpty();
        assertThat(sync(true, 10).duplicatesRemoved()).isEmpty();
    }

    @Test
    void theReferencedCopyIsKeptEvenWhenListedSecond() {
        ObjectNode g1 = primary.add("group", "{'name':'g1'}");
        primary.add("member", "{'name':'m1','group_id':'" + g1.get("id").asText() + "'}");
        ObjectNode unreferenced = standby.add("group", "{'name':'g1'}");
        ObjectNode referenced = standby.add("group", "{'name':'g1'}");
        standby.add("member", "{'name':'m1','group_id':'" + referenced.get("id").asText() + "'}");

        SyncOutcome.Target t = sync(true, 10);

        assertThat(standby.names("group")).containsExactly("g1");
        assertThat(standby.find("group", "g1").get("id")).isEqualTo(referenced.get("id"));
        assertThat(standby.find("member", "m1").get("group_id")).isEqualTo(referenced.get("id"));
        assertThat(standby.writeLog()).contains("delete group/g1").doesNotContain("update member/m1");
        assertThat(unreferenced.get("id")).isNotEqualTo(referenced.get("id"));
        assertThat(t.duplicatesRemoved()).containsExactly("group/g1");
    }

    @Test
    void anUnreferencedDuplicateKeepsOneCopy() {
        primary.add("group", "{'name':'g2'}");
        sync(true, 10);
        standby.add("group", "{'name':'g2'}");

        SyncOutcome.Target t = sync(true, 10);

        assertThat(standby.names("group")).containsExactly("g2");
        assertThat(t.duplicatesRemoved()).containsExactly("group/g2");
    }

    @Test
    void copiesBeyondTheCapWaitAsPending() {
        syncedWithACopy();

        SyncOutcome.Target t = sync(true, 0);

        assertThat(standby.names("group")).containsExactly("g1", "g1");
        assertThat(t.pendingDeletions()).containsExactly(new PendingDeletion("group", "g1", "DuplicateOnStandby"));
    }

    @Test
    void withoutDeletesTheDuplicateIsOnlyReported() {
        syncedWithACopy();

        SyncOutcome.Target t = sync(false, 10);

        assertThat(standby.names("group")).containsExactly("g1", "g1");
        assertThat(t.issues()).extracting(EntityIssue::reason).containsExactly("DuplicateKey");
        assertThat(t.duplicatesRemoved()).isEmpty();
    }
}
