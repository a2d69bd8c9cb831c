package dev.regionguard.controller.protection;

import dev.regionguard.cloud.ApiKey;
import dev.regionguard.spec.ProtectedSide;
import java.util.Map;

/**
 * What a failover does to one service's side, per step (the probes are {@link RegionProbe}). Every method must be idempotent: a restarted
 * operator repeats the step that was running. Methods throw (IbmApiException or other) on failure.
 */
public interface FailoverActions<P> {

    /**
     * The values {@link #fence} would change on this side, as they are now (keys and values are the
     * service's own, e.g. {@code source.<id> -> true}). The failover records them before fencing, so
     * that {@link #unfence} can restore exactly them. Contains no secret material.
     */
    Map<String, String> fenceOriginals(P protection, ProtectedSide side, ApiKey key);

    /** Take the old active side out of service as far as it answers; returns what was done. */
    String fence(P protection, ProtectedSide side, ApiKey key);

    /**
     * Undo {@link #fence} after a failover that stopped before its commit: restore every value recorded by
     * {@link #fenceOriginals}. Idempotent; throws when the side does not answer.
     */
    String unfence(P protection, ProtectedSide side, ApiKey key, Map<String, String> original);

    /** Whether this protection is fenced outside its regions too (then {@link #fenceOutside} does something). */
    default boolean fencesOutside(P protection) {
        return false;
    }

    /**
     * What is fenced outside the side's region (Code Engine: its pool at the CIS edge), as it is now;
     * readable while the region itself does not answer, and recorded with {@link #fenceOriginals}.
     */
    default Map<String, String> outsideOriginals(P protection, ProtectedSide side, ApiKey key) {
        return Map.of();
    }

    /** Fences the side outside its region, before {@link #fence}; returns what was done, or "" for nothing. */
    default String fenceOutside(P protection, ProtectedSide side, ApiKey key) {
        return "";
    }

    /** Undoes {@link #fenceOutside}, before {@link #unfence}; returns what was done, or "" for nothing. */
    default String unfenceOutside(P protection, ProtectedSide side, ApiKey key, Map<String, String> original) {
        return "";
    }

    /**
     * Make the new active side serve (Code Engine: scaling and domain mappings) and return the
     * service's entries for the endpoint ConfigMap (e.g. source.NAME = ID, app.NAME = URL).
     */
    Map<String, String> activate(P protection, ProtectedSide side, ApiKey key);
}
