package dev.regionguard.controller.protection;

import dev.regionguard.cloud.ApiKey;
import dev.regionguard.spec.ProtectedSide;
import java.util.Map;

/**
 * What a failover does to one service's side, per step (the probes are {@link RegionProbe}). Every method must be idempotent: a restarted
 * operator repeats the step that was running. Methods throw (IbmApiException or other) on failure.
 */
public interface FailoverActions<P> {

    /** Take the old active side out of service as far as it answers; returns what was done. */
    String fence(P protection, ProtectedSide side, ApiKey key);

    /**
     * Undo {@link #fence} after an aborted failover, best effort, taking the wanted state from a synced
     * standby (the sync copies it there), since the fenced side no longer shows what it was.
     */
    String unfence(P protection, ProtectedSide side, ApiKey key, ProtectedSide reference, ApiKey referenceKey);

    /**
     * Make the new active side serve (Code Engine: scaling and domain mappings) and return the
     * service's entries for the endpoint ConfigMap (e.g. source.NAME = ID, app.NAME = URL).
     */
    Map<String, String> activate(P protection, ProtectedSide side, ApiKey key);
}
