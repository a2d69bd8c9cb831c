package dev.regionguard.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.SyncOutcome.EntityIssue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A write that settles later (a Code Engine app rolling out) gives its lane slot back at once. */
class SettleOutsideLaneTest {
    private static final int PARALLELISM = 2;
    private static final int ENTITIES = 6;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final ExecutorService caller = Executors.newSingleThreadExecutor();
    private final FakeType app = new FakeType("app", Map.of(), false, Set.of());
    private final FakeStore primary = new FakeStore("primary");
    private final FakeStore standby = new FakeStore("standby");
    /** name -> the settle the engine waits on, completed by the test. */
    private final Map<String, CompletableFuture<ObjectNode>> settling = new ConcurrentHashMap<>();

    private final EntityStore slowToSettle = new FakeStoreDelegate(standby) {
        @Override
        public CompletableFuture<ObjectNode> settle(EntityType type, ObjectNode written, Executor checks) {
            // Settles as written once the test says so
            return settling.computeIfAbsent(written.get("name").asText(), n -> new CompletableFuture<>())
                    .thenApply(settled -> written);
        }
    };

    @AfterEach
    void stop() {
        executor.shutdownNow();
        caller.shutdownNow();
    }

    @Test
    void everyWriteStartsWhileEarlierOnesAreStillSettlingAndFailuresAreReportedWhenTheyEnd() throws Exception {
        for (int i = 0; i < ENTITIES; i++) {
            primary.add("app", "{'name':'a" + i + "'}");
        }
        SyncEngine engine = new SyncEngine(executor, PARALLELISM);
        Future<SyncOutcome> pass = caller.submit(() -> engine.sync(new SyncRequest(
                primary,
                List.of(new SyncTarget("standby", slowToSettle, new Watermarks(), Overrides.NONE)),
                List.of(app),
                new SyncPolicy(true, true, 10, false, 0, null),
                MaterialSource.NONE)));

        // With settling holding a slot, only PARALLELISM creates could start.
        await().atMost(Duration.ofSeconds(30)).until(() -> settling.size() == ENTITIES);
        assertThat(standby.names("app")).hasSize(ENTITIES);
        assertThat(pass).isNotDone();

        settling.forEach((name, settle) -> {
            if (name.equals("a3")) {
                settle.completeExceptionally(FakeStore.error(500, "app a3 went to failed"));
            } else {
                settle.complete(null);
            }
        });
        SyncOutcome.Target target = pass.get().targets().get(0);

        assertThat(target.counts().created()).isEqualTo(ENTITIES - 1);
        assertThat(target.counts().failed()).isEqualTo(1);
        assertThat(target.issues())
                .extracting(EntityIssue::name, EntityIssue::reason)
                .containsExactly(Tuple.tuple("a3", "WriteFailed"));
        assertThat(target.issues().get(0).message()).contains("app a3 went to failed");
    }
}
