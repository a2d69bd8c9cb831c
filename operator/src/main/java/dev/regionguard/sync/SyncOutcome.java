package dev.regionguard.sync;

import dev.regionguard.cloud.ErrorCategory;
import java.util.List;
import java.util.Map;

/** What one pass found and did. Lists are sorted (type order, then key) so status stays stable. */
public record SyncOutcome(Source source, List<Target> targets) {

    /**
     * @param complete    every list of the source was read completely in this pass
     * @param entityCount source entities that are not built-ins (for the shrink guard)
     * @param countsByType the same, per type name
     * @param error       why the source could not be read (null when it could)
     */
    public record Source(
            boolean complete,
            int entityCount,
            Map<String, Integer> countsByType,
            String error,
            ErrorCategory errorCategory) {}

    /**
     * @param error null when the target was reached and its lists read
     * @param holdReason why deletions were held back for the whole pass (null when they were not):
     *                   PrimaryListIncomplete, PrimaryShrunk, PrimaryEmpty
     */
    public record Target(
            String name,
            String error,
            ErrorCategory errorCategory,
            Counts counts,
            List<EntityIssue> issues,
            List<PendingDeletion> pendingDeletions,
            List<Change> changes,
            String holdReason) {
        public boolean reached() {
            return error == null;
        }
    }

    /** A replace (delete and re-create) counts as updated; ObserveOnly counts wanted changes as skipped. */
    public record Counts(int created, int updated, int deleted, int unchanged, int skipped, int failed) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);
    }

    /**
     * An entity that was not synced: reason is CamelCase (MissingSecret, WriteFailed, ...).
     * {@code name} is the entity's key ({@code webhook/ops-hook} for a destination), or null when
     * the issue is about a whole type (PrimaryReadFailed).
     */
    public record EntityIssue(String type, String name, String reason, String message) {}

    /** {@code name} is the target entity's key. */
    public record PendingDeletion(String type, String name, String reason) {}

    /** A write made (or, in ObserveOnly, wanted) on the target; {@code name} is the entity's key. */
    public record Change(String type, String name, Action action, boolean applied) {}
}
