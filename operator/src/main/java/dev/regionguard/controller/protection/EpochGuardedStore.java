package dev.regionguard.controller.protection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.controller.failover.CommittedFailovers;
import dev.regionguard.failover.RegionTopology;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncRequest;
import dev.regionguard.sync.SyncTarget;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A standby's store for one pass that refuses every write once the protection's epoch moved on from
 * the one the pass was planned under: a failover committed meanwhile, so the pass's source may no
 * longer be the active region, and what it would write could overwrite the new active one. A refused
 * write is never sent; it fails with category CONFLICT (the engine counts it as failed) and is counted
 * here. Reads pass through, and so does every other part of the store (settling a write, the
 * follow-up checks): a guard that dropped them would silently switch them off.
 */
public final class EpochGuardedStore implements EntityStore {
    static final String DROPPED = "EpochChanged";
    private final EntityStore store;
    private final long planned;
    private final LongSupplier current;
    private final AtomicInteger dropped;

    EpochGuardedStore(EntityStore store, long planned, LongSupplier current, AtomicInteger dropped) {
        this.store = store;
        this.planned = planned;
        this.current = current;
        this.dropped = dropped;
    }

    /** Guarded by the epoch the committed RegionFailovers (read at each write) give the planned topology. */
    static SyncRequest guard(SyncRequest request, RegionTopology planned, Supplier<List<RegionFailover>> failovers) {
        return guard(
                request,
                planned.epoch(),
                () -> CommittedFailovers.apply(planned, failovers.get()).epoch(),
                new AtomicInteger());
    }

    /** The request with every target's store guarded; {@code dropped} counts the refused writes. */
    public static SyncRequest guard(SyncRequest request, long planned, LongSupplier current, AtomicInteger dropped) {
        List<SyncTarget> targets = request.targets().stream()
                .map(t -> new SyncTarget(
                        t.name(),
                        new EpochGuardedStore(t.store(), planned, current, dropped),
                        t.watermarks(),
                        t.overrides()))
                .toList();
        return new SyncRequest(request.source(), targets, request.types(), request.policy(), request.material());
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public List<ObjectNode> list(EntityType type) {
        return store.list(type);
    }

    @Override
    public ObjectNode read(EntityType type, ObjectNode listItem) {
        return store.read(type, listItem);
    }

    @Override
    public ObjectNode find(EntityType type, String id) {
        return store.find(type, id);
    }

    @Override
    public ObjectNode create(EntityType type, Desired desired) {
        check();
        return store.create(type, desired);
    }

    @Override
    public ObjectNode update(EntityType type, ObjectNode current, Desired desired) {
        check();
        return store.update(type, current, desired);
    }

    @Override
    public void delete(EntityType type, ObjectNode current) {
        check();
        store.delete(type, current);
    }

    /** Waiting for a write to settle only reads. */
    @Override
    public CompletableFuture<ObjectNode> settle(EntityType type, ObjectNode written, Executor executor) {
        return store.settle(type, written, executor);
    }

    /** The checks still run (they report); their own writes, such as IBM's verify calls, only under the planned epoch. */
    @Override
    public void startPass() {
        store.startPass();
    }

    @Override
    public List<SyncOutcome.EntityIssue> followUp(boolean writes) {
        return store.followUp(writes && current.getAsLong() == planned);
    }

    private void check() {
        long now = current.getAsLong();
        if (now != planned) {
            dropped.incrementAndGet();
            throw new IbmApiException(
                    0,
                    ErrorCategory.CONFLICT,
                    DROPPED,
                    "not sent: planned under epoch " + planned + ", the epoch is now " + now,
                    null,
                    null,
                    null,
                    null);
        }
    }
}
