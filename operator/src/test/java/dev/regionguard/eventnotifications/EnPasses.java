package dev.regionguard.eventnotifications;

import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.SyncEngine;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncPolicy;
import dev.regionguard.sync.SyncRequest;
import dev.regionguard.sync.SyncTarget;
import dev.regionguard.sync.Watermarks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The real engine, pass after pass (watermarks kept), from one EN store to one standby store, no material. */
final class EnPasses implements AutoCloseable {
    static final SyncPolicy MIRROR = new SyncPolicy(true, true, 10, false, 0, null);
    static final SyncPolicy MIRROR_FULL = new SyncPolicy(true, true, 10, true, 0, null);
    static final SyncPolicy OBSERVE = new SyncPolicy(false, false, 10, false, 0, null);

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SyncEngine engine = new SyncEngine(executor, 4);
    private final Watermarks watermarks = new Watermarks();

    SyncOutcome.Target sync(EntityStore primary, EntityStore standby, SyncPolicy policy) {
        return engine.sync(new SyncRequest(
                        primary,
                        List.of(new SyncTarget("eu-de", standby, watermarks, Overrides.NONE)),
                        EnEntityTypes.all(),
                        policy,
                        (type, name) -> Optional.empty()))
                .targets()
                .get(0);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
