package dev.regionguard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a pass reports of a standby's copy for the region independence audit: entities as written or
 * as read in full, entities a pass skipped as unchanged left out, entities deleted gone from both the
 * entities and the keys the standby holds.
 */
class StandbyCopyTest {
    private static final SyncPolicy MIRROR = new SyncPolicy(true, true, 10, false, 0, null);
    private static final SyncPolicy FULL = new SyncPolicy(true, true, 10, true, 0, null);

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SyncEngine engine = new SyncEngine(executor, 3);
    private final FakeType item = FakeType.simple("item");
    private final FakeType listed = new FakeType("listed", Map.of(), true, Set.of());
    private final FakeStore primary = new FakeStore("primary");
    private final FakeStore standby = new FakeStore("standby");
    private final Watermarks watermarks = new Watermarks();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private SyncOutcome.Copy sync(SyncPolicy policy) {
        SyncOutcome outcome = engine.sync(new SyncRequest(
                primary,
                List.of(new SyncTarget("standby", standby, watermarks, Overrides.NONE)),
                List.of(item, listed),
                policy,
                (type, name) -> Optional.empty()));
        return outcome.targets().get(0).copy();
    }

    @Test
    void aCreatedEntityIsSeenAsWrittenAndAnUnchangedOneOnlyWhenReadInFull() {
        primary.add("item", "{'name':'a','url':'https://us-south.kms.cloud.ibm.com'}");

        SyncOutcome.Copy first = sync(MIRROR);
        assertThat(first.seen().get("item")).containsOnlyKeys("a");
        assertThat(first.seen().get("item").get("a").path("url").asText())
                .isEqualTo("https://us-south.kms.cloud.ibm.com");
        assertThat(first.present()).containsEntry("item", Set.of("a"));

        SyncOutcome.Copy unchanged = sync(MIRROR);
        assertThat(unchanged.seen().getOrDefault("item", Map.of())).isEmpty();
        assertThat(unchanged.present()).containsEntry("item", Set.of("a"));

        assertThat(sync(FULL).seen().get("item")).containsOnlyKeys("a");
    }

    @Test
    void aTypeWhoseListItemsAreCompleteIsSeenWholeEveryPassAndADeletedEntityIsGone() {
        primary.add("listed", "{'name':'x'}");
        primary.add("listed", "{'name':'y'}");
        sync(MIRROR);

        assertThat(sync(MIRROR).seen().get("listed")).containsOnlyKeys("x", "y");

        primary.remove("listed", "y");
        SyncOutcome.Copy afterDeletion = sync(MIRROR);
        assertThat(afterDeletion.seen().get("listed")).containsOnlyKeys("x");
        assertThat(afterDeletion.present()).containsEntry("listed", Set.of("x"));
    }

    @Test
    void theCopyNeverPrintsTheEntities() {
        primary.add("item", "{'name':'a','password':'never-shown'}");

        assertThat(sync(MIRROR).toString()).doesNotContain("never-shown");
    }
}
