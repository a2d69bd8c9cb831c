package dev.regionguard.failover;

import dev.regionguard.api.HealthState;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.Timestamps;
import java.time.Instant;

/**
 * What readiness is judged from, for one region that is not the active one.
 *
 * @param regionReferences references to another region the audit found in the standby's copy and
 *                         the spec does not accept
 * @param failedProof      what the standby's last proof (spec.verification) failed on; null when it
 *                         passed or never ran
 */
public record StandbyFacts(
        String region,
        Instant lastSuccessfulSync,
        HealthState health,
        int unsyncedEntities,
        boolean fenced,
        int regionReferences,
        String failedProof) {

    public StandbyFacts(
            String region, Instant lastSuccessfulSync, HealthState health, int unsyncedEntities, boolean fenced) {
        this(region, lastSuccessfulSync, health, unsyncedEntities, fenced, 0, null);
    }

    /** From the protection's status entry of the standby (null when it has none yet). */
    public static StandbyFacts of(String region, StandbyStatus status, HealthState health, boolean fenced) {
        if (status == null) {
            return new StandbyFacts(region, null, health, 0, fenced);
        }
        int unsynced = status.unsyncedEntities == null ? 0 : status.unsyncedEntities.size();
        int references = status.regionReferenceCount == null ? 0 : status.regionReferenceCount;
        String failedProof = status.verification != null && Boolean.FALSE.equals(status.verification.verified)
                ? status.verification.message
                : null;
        return new StandbyFacts(
                region,
                Timestamps.parse(status.lastSuccessfulSyncTime),
                health,
                unsynced,
                fenced,
                references,
                failedProof);
    }
}
