package dev.regionguard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.controller.protection.EpochGuardedStore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failover committing in the middle of a pass: the real engine, the standby's writes guarded by epoch. */
class EpochGuardedSyncTest {
    private static final SyncPolicy MIRROR = new SyncPolicy(true, true, 10, false, 0, null);
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final SyncEngine engine = new SyncEngine(executor, 1); // one write at a time: the order is known
    private final FakeType topic = FakeType.simple("topic");
    private final FakeStore primary = new FakeStore("primary");
    private final FakeStore standby = new FakeStore("standby");
    private final AtomicLong epoch = new AtomicLong(4);
    private final Watermarks watermarks = new Watermarks();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** The standby; its first write commits a failover (the epoch moves on) once it is done. */
    private EntityStore committingAfterFirstWrite() {
        return new FakeStoreDelegate(standby) {
            @Override
            public ObjectNode create(EntityType type, Desired desired) {
                ObjectNode created = super.create(type, desired);
                epoch.compareAndSet(4, 5);
                return created;
            }
        };
    }

    private SyncOutcome pass(EntityStore target, AtomicInteger dropped) {
        SyncRequest request = new SyncRequest(
                primary,
                List.of(new SyncTarget("standby", target, watermarks, Overrides.NONE)),
                List.of(topic),
                MIRROR,
                MaterialSource.NONE);
        return engine.sync(EpochGuardedStore.guard(request, 4, epoch::get, dropped));
    }

    @Test
    void aCommitMidPassDropsEveryLaterWrite() {
        for (int i = 0; i < 5; i++) {
            primary.add("topic", "{'name':'t" + i + "'}");
        }
        AtomicInteger dropped = new AtomicInteger();

        SyncOutcome outcome = pass(committingAfterFirstWrite(), dropped);

        assertThat(standby.writeLog()).hasSize(1); // only the write planned and sent before the commit
        assertThat(dropped).hasValue(4);
        SyncOutcome.Target target = outcome.targets().get(0);
        assertThat(target.counts().created()).isEqualTo(1);
        assertThat(target.counts().failed()).isEqualTo(4);
    }

    @Test
    void anUnchangedEpochLetsEveryWriteThrough() {
        for (int i = 0; i < 5; i++) {
            primary.add("topic", "{'name':'t" + i + "'}");
        }
        AtomicInteger dropped = new AtomicInteger();

        SyncOutcome outcome = pass(standby, dropped);

        assertThat(standby.writeLog()).hasSize(5);
        assertThat(dropped).hasValue(0);
        assertThat(outcome.targets().get(0).counts().created()).isEqualTo(5);
    }

    @Test
    void deletesAreGuardedToo() {
        primary.add("topic", "{'name':'kept'}");
        standby.add("topic", "{'name':'extra'}");
        pass(standby, new AtomicInteger()); // a deletion needs two complete lists without the entity
        standby.resetCounters();
        epoch.set(5);
        AtomicInteger dropped = new AtomicInteger();

        pass(standby, dropped);

        assertThat(standby.writeLog()).isEmpty();
        assertThat(standby.find("topic", "extra")).isNotNull();
        assertThat(dropped).hasValue(1);
    }
}
