package dev.regionguard.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds condition lists in a fixed order, keeping lastTransitionTime while a status holds. */
public final class Conditions {
    public static final String READY = "Ready";
    public static final String STANDBYS_IN_SYNC = "StandbysInSync";
    public static final String CREDENTIALS_VALID = "CredentialsValid";
    /** After the conditions above: True when no standby refers to another region of the protection. */
    public static final String REGION_INDEPENDENT = "RegionIndependent";
    /**
     * Code Engine with spec.edge only, after RegionIndependent: True when the CIS load balancer steers
     * the custom domain as a failover needs it; False lists what drifted.
     */
    public static final String EDGE_CONFIGURED = "EdgeConfigured";
    /**
     * After RegionIndependent, with spec.verification only: True when each standby's last proof (real
     * traffic sent through it) passed; False names the standby and the failed check.
     */
    public static final String STANDBY_VERIFIED = "StandbyVerified";
    /**
     * After StandbyVerified: True when a Failover without force would be accepted now (the checks a
     * RegionFailover's validation makes, run on every pass); its message names the target or says why not.
     */
    public static final String FAILOVER_READY = "FailoverReady";
    /**
     * Last, with spec.failover.quorum only: True while enough vantage points report in time; its
     * reason says whether they see the active region down (Agreed, Outvoted or QuorumPresent).
     */
    public static final String QUORUM = "Quorum";
    /** A RegionFailover's: True once the new active region is recorded. */
    public static final String COMMITTED = "Committed";

    private Conditions() {}

    public static Condition of(String type, boolean status, String reason, String message) {
        return new Condition(type, status ? "True" : "False", reason, message);
    }

    public static Condition unknown(String type, String reason, String message) {
        return new Condition(type, "Unknown", reason, message);
    }

    /**
     * The desired conditions in their given order, stamped with the generation; each keeps the
     * previous lastTransitionTime when its status did not change.
     */
    public static List<Condition> merge(
            List<Condition> previous, List<Condition> desired, long generation, Instant now) {
        List<Condition> merged = new ArrayList<>(desired.size());
        for (Condition next : desired) {
            Condition old = find(previous, next.type);
            next.observedGeneration = generation;
            next.lastTransitionTime =
                    old != null && Objects.equals(old.status, next.status) && old.lastTransitionTime != null
                            ? old.lastTransitionTime
                            : Timestamps.format(now);
            merged.add(next);
        }
        return merged;
    }

    public static Condition find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return null;
        }
        return conditions.stream().filter(c -> type.equals(c.type)).findFirst().orElse(null);
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        Condition c = find(conditions, type);
        return c != null && c.isTrue();
    }
}
