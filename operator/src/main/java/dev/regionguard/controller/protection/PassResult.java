package dev.regionguard.controller.protection;

import dev.regionguard.sync.SyncOutcome;

/** What a reconcile got to: blocked before syncing (bad spec, credentials), or a sync outcome. */
public sealed interface PassResult {

    /** Nothing was synced. {@code credentials} tells whether the owner must fix credentials or the spec. */
    record Blocked(boolean credentials, String reason, String message) implements PassResult {
        static Blocked of(dev.regionguard.spec.Blocked blocked) {
            return new Blocked(blocked.credentials(), blocked.reason(), blocked.getMessage());
        }
    }

    record Synced(SyncOutcome outcome) implements PassResult {}
}
