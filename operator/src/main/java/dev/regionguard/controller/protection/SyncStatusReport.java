package dev.regionguard.controller.protection;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.DeletionHold;
import dev.regionguard.api.PendingDeletion;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.SyncCounts;
import dev.regionguard.api.Timestamps;
import dev.regionguard.api.UnsyncedEntity;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.sync.SyncOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a pass result into the next status of a protection. Pure: the same inputs give the same
 * status, so an unchanged world gives an unchanged status and no write.
 */
final class SyncStatusReport {
    /** A standby IBM answers for but that cannot be used (missing, not active): StandbyUnavailable. */
    private static final String UNAVAILABLE = "standby unavailable: ";

    private final ProtectionStatus previous;
    private final long generation;
    private final Instant now;
    private final List<StandbyRef> standbys;
    private final boolean deletesExpected;

    /**
     * @param deletesExpected false in UpsertOnly: extra entities on a standby are then expected
     *                        and do not make it out of sync
     */
    SyncStatusReport(
            ProtectionStatus previous,
            long generation,
            Instant now,
            List<StandbyRef> standbys,
            boolean deletesExpected) {
        this.previous = previous == null ? new ProtectionStatus() : previous;
        this.generation = generation;
        this.now = now;
        this.standbys = standbys;
        this.deletesExpected = deletesExpected;
    }

    /** Fills {@code next} (a fresh status of the protection's own type) from the pass result. */
    <S extends ProtectionStatus> S build(S next, PassResult result, Integer primaryInventory) {
        next.observedGeneration = generation;
        // Health and failover own these; a sync pass carries them over untouched.
        next.activeRegion = previous.activeRegion;
        next.epoch = previous.epoch;
        next.fencedRegions = previous.fencedRegions;
        next.regions = previous.regions;
        next.failover = previous.failover;
        next.failoverHistory = previous.failoverHistory;
        next.primaryInventory = primaryInventory;
        next.primaryInventoryByType = result instanceof PassResult.Synced synced
                ? PassOutcomes.nextBaselines(previous.primaryInventoryByType, synced.outcome())
                : previous.primaryInventoryByType;
        List<Condition> desired = result instanceof PassResult.Blocked blocked
                ? blocked(next, blocked)
                : synced(next, ((PassResult.Synced) result).outcome());
        next.conditions = Conditions.merge(previous.conditions, desired, generation, now);
        return next;
    }

    private List<Condition> blocked(ProtectionStatus next, PassResult.Blocked blocked) {
        // Keep what is known about the standbys; nothing new was learnt.
        next.standbys = previous.standbys;
        next.lastSyncTime = previous.lastSyncTime;
        next.standbysInSync = previous.standbysInSync;
        Condition credentials = blocked.credentials()
                ? Conditions.of(Conditions.CREDENTIALS_VALID, false, blocked.reason(), blocked.message())
                : carried(Conditions.CREDENTIALS_VALID);
        Condition inSync = Conditions.unknown(
                Conditions.STANDBYS_IN_SYNC, "SyncBlocked", "no sync pass can run: " + blocked.message());
        Condition ready = Conditions.of(Conditions.READY, false, blocked.reason(), blocked.message());
        return List.of(ready, inSync, credentials);
    }

    private Condition carried(String type) {
        Condition old = Conditions.find(previous.conditions, type);
        return old == null
                ? Conditions.unknown(type, "NotChecked", "not checked yet")
                : new Condition(old.type, old.status, old.reason, old.message);
    }

    private List<Condition> synced(ProtectionStatus next, SyncOutcome outcome) {
        String time = Timestamps.format(now);
        next.lastSyncTime = time;
        int inSyncCount = 0;
        for (StandbyRef ref : standbys) {
            SyncOutcome.Target target = outcome.targets().stream()
                    .filter(t -> t.name().equals(ref.region()))
                    .findFirst()
                    .orElse(null);
            StandbyStatus s = standbyStatus(ref, target, outcome.source(), time);
            if (Boolean.TRUE.equals(s.inSync)) {
                inSyncCount++;
            }
            next.standbys.add(s);
        }
        next.standbysInSync = inSyncCount + "/" + standbys.size();

        Condition credentials = credentialsCondition(outcome);
        Condition inSync = inSyncCondition(outcome, next, inSyncCount);
        Condition ready;
        if (!credentials.isTrue()) {
            ready = Conditions.of(Conditions.READY, false, credentials.reason, credentials.message);
        } else if (!inSync.isTrue()) {
            ready = Conditions.of(Conditions.READY, false, inSync.reason, inSync.message);
        } else {
            ready = Conditions.of(Conditions.READY, true, "Protected", inSync.message);
        }
        return List.of(ready, inSync, credentials);
    }

    private StandbyStatus standbyStatus(
            StandbyRef ref, SyncOutcome.Target target, SyncOutcome.Source source, String time) {
        StandbyStatus s = new StandbyStatus();
        s.region = ref.region();
        s.instanceId = ref.instanceId();
        s.projectId = ref.projectId();
        s.lastSyncTime = time;
        StandbyStatus old = previous.standbys.stream()
                .filter(p -> Objects.equals(p.region, ref.region()))
                .findFirst()
                .orElse(null);
        s.lastSuccessfulSyncTime = old == null ? null : old.lastSuccessfulSyncTime;
        if (source.error() != null) {
            s.inSync = false;
            s.message = "primary not read: " + source.error();
            s.counts = old == null ? null : old.counts;
            return s;
        }
        if (target == null || !target.reached()) {
            s.inSync = false;
            s.message = target == null ? "not synced" : notReached(target);
            s.counts = old == null ? null : old.counts;
            return s;
        }
        SyncOutcome.Counts c = target.counts();
        s.counts = new SyncCounts(c.created(), c.updated(), c.deleted(), c.unchanged(), c.skipped(), c.failed());
        for (SyncOutcome.EntityIssue issue : target.issues()) {
            s.unsyncedEntities.add(new UnsyncedEntity(issue.type(), issue.name(), issue.reason(), issue.message()));
        }
        for (SyncOutcome.PendingDeletion p : target.pendingDeletions()) {
            s.pendingDeletions.add(new PendingDeletion(p.type(), p.name(), p.reason()));
        }
        for (SyncOutcome.TypeHold h : target.typeHolds()) {
            s.deletionHolds.add(new DeletionHold(h.type(), h.reason(), h.count(), h.message()));
        }
        boolean deletionsOutstanding =
                deletesExpected && !target.pendingDeletions().isEmpty();
        s.inSync = source.complete()
                && c.failed() == 0
                && c.skipped() == 0
                && target.issues().isEmpty()
                && !deletionsOutstanding;
        if (s.inSync) {
            s.lastSuccessfulSyncTime = time;
        } else if (target.holdReason() != null || !target.typeHolds().isEmpty()) {
            s.message = holdMessage(target, source);
        }
        return s;
    }

    private static String notReached(SyncOutcome.Target target) {
        return (target.errorCategory() == ErrorCategory.UNAVAILABLE ? UNAVAILABLE : "standby not reached: ")
                + target.error();
    }

    /** What was held and why, and how the owner releases a hold the primary's count explains. */
    private String holdMessage(SyncOutcome.Target target, SyncOutcome.Source source) {
        List<String> holds = new ArrayList<>();
        if (target.holdReason() != null) {
            holds.add(
                    PassOutcomes.isShrinkHold(target.holdReason())
                            ? target.holdReason() + " (the primary lists " + source.entityCount()
                                    + " entities, baseline " + previous.primaryInventory + ")"
                            : target.holdReason());
        }
        for (SyncOutcome.TypeHold h : target.typeHolds()) {
            holds.add(h.reason() + " for " + h.type() + " (" + h.message() + ")");
        }
        boolean releasable = PassOutcomes.isShrinkHold(target.holdReason())
                || !target.typeHolds().isEmpty();
        return "deletions held back: " + String.join("; ", holds)
                + (releasable
                        ? "; if the primary is right, annotate " + Protections.CONFIRM_PRIMARY_COUNT + "="
                                + source.entityCount()
                        : "");
    }

    private Condition credentialsCondition(SyncOutcome outcome) {
        if (isCredentials(outcome.source().errorCategory())) {
            return Conditions.of(
                    Conditions.CREDENTIALS_VALID,
                    false,
                    credentialsReason(outcome.source().errorCategory()),
                    "primary: " + outcome.source().error());
        }
        for (SyncOutcome.Target t : outcome.targets()) {
            if (isCredentials(t.errorCategory())) {
                return Conditions.of(
                        Conditions.CREDENTIALS_VALID,
                        false,
                        credentialsReason(t.errorCategory()),
                        "standby " + t.name() + ": " + t.error());
            }
        }
        return Conditions.of(Conditions.CREDENTIALS_VALID, true, "Accepted", "IBM Cloud accepted the API keys");
    }

    private static boolean isCredentials(ErrorCategory category) {
        return category != null && category.isCredentials();
    }

    private static String credentialsReason(ErrorCategory category) {
        return category == ErrorCategory.AUTHENTICATION ? "ApiKeyRejected" : "AccessDenied";
    }

    private Condition inSyncCondition(SyncOutcome outcome, ProtectionStatus next, int inSyncCount) {
        String summary = next.standbysInSync + " standbys in sync";
        if (outcome.source().error() != null) {
            if (outcome.source().errorCategory() == ErrorCategory.UNAVAILABLE) {
                return Conditions.of(
                        Conditions.STANDBYS_IN_SYNC,
                        false,
                        "PrimaryUnavailable",
                        "primary cannot be used: " + outcome.source().error());
            }
            return Conditions.of(
                    Conditions.STANDBYS_IN_SYNC,
                    false,
                    "PrimaryUnreachable",
                    "primary could not be read: " + outcome.source().error());
        }
        if (inSyncCount == standbys.size()) {
            return Conditions.of(Conditions.STANDBYS_IN_SYNC, true, "AllInSync", summary);
        }
        List<String> problems = new ArrayList<>();
        String reason = null;
        for (StandbyStatus s : next.standbys) {
            if (Boolean.TRUE.equals(s.inSync)) {
                continue;
            }
            String r = standbyReason(s);
            reason = reason == null ? r : reason;
            problems.add(s.region + ": " + describe(s));
        }
        return Conditions.of(Conditions.STANDBYS_IN_SYNC, false, reason, summary + "; " + String.join("; ", problems));
    }

    private static String standbyReason(StandbyStatus s) {
        if (s.message != null && s.message.startsWith(UNAVAILABLE)) {
            return "StandbyUnavailable";
        }
        if (s.counts == null || s.message != null && s.message.startsWith("standby not reached")) {
            return "StandbyUnreachable";
        }
        if (s.counts.failed > 0) {
            return "WritesFailed";
        }
        if (!s.unsyncedEntities.isEmpty()) {
            return "EntitiesNotSynced";
        }
        if (s.message != null && s.message.startsWith("deletions held back")) {
            return "DeletionsHeld";
        }
        if (!s.pendingDeletions.isEmpty()) {
            return "DeletionsPending";
        }
        return "PrimaryListIncomplete";
    }

    private static String describe(StandbyStatus s) {
        if (s.message != null) {
            return s.message;
        }
        List<String> parts = new ArrayList<>();
        if (s.counts.failed > 0) {
            parts.add(s.counts.failed + " failed");
        }
        if (s.counts.skipped > 0) {
            parts.add(s.counts.skipped + " skipped");
        }
        if (!s.pendingDeletions.isEmpty()) {
            parts.add(s.pendingDeletions.size() + " deletions pending");
        }
        return parts.isEmpty() ? "out of sync" : String.join(", ", parts);
    }
}
