package dev.regionguard.failover;

import dev.regionguard.api.HealthState;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.Timestamps;
import java.time.Instant;

/** What readiness is judged from, for one region that is not the active one. */
public record StandbyFacts(
        String region, Instant lastSuccessfulSync, HealthState health, int unsyncedEntities, boolean fenced) {

    /** From the protection's status entry of the standby (null when it has none yet). */
    public static StandbyFacts of(String region, StandbyStatus status, HealthState health, boolean fenced) {
        if (status == null) {
            return new StandbyFacts(region, null, health, 0, fenced);
        }
        int unsynced = status.unsyncedEntities == null ? 0 : status.unsyncedEntities.size();
        return new StandbyFacts(region, Timestamps.parse(status.lastSuccessfulSyncTime), health, unsynced, fenced);
    }
}
