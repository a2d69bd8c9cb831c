package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one pass found and did. Lists are sorted (type order, then key) so status stays stable. */
public record SyncOutcome(Source source, List<Target> targets) {

    /**
     * @param complete    every list of the source was read completely in this pass
     * @param entityCount source entities that are not built-ins (for the shrink guard)
     * @param countsByType the same, per type name
     * @param error       why the source could not be read (null when it could)
     * @param baselineByType the per-type shrink baselines for the next pass: up with the counts,
     *                    down only by deletions proven in this pass or a count the owner confirmed
     */
    public record Source(
            boolean complete,
            int entityCount,
            Map<String, Integer> countsByType,
            String error,
            ErrorCategory errorCategory,
            Map<String, Integer> baselineByType) {}

    /**
     * @param error null when the target was reached and its lists read
     * @param holdReason why deletions were held back for the whole pass (null when they were not):
     *                   PrimaryListIncomplete, PrimaryShrunk, PrimaryEmpty
     * @param typeHolds  types whose deletions were held on this target by their own guard
     * @param duplicatesRemoved second copies of a key removed from this target, as type/key
     * @param copy      what the pass saw of the target's entities, for the region independence audit
     */
    public record Target(
            String name,
            String error,
            ErrorCategory errorCategory,
            Counts counts,
            List<EntityIssue> issues,
            List<PendingDeletion> pendingDeletions,
            List<Change> changes,
            String holdReason,
            List<TypeHold> typeHolds,
            List<String> duplicatesRemoved,
            Copy copy) {

        /** A target the pass could not reach: nothing counted, nothing seen of its copy. */
        public static Target unreached(String name, String error, ErrorCategory errorCategory) {
            return new Target(
                    name,
                    error,
                    errorCategory,
                    Counts.ZERO,
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    Copy.NONE);
        }

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

    /**
     * Deletions of one type held on one target by that type's guard.
     *
     * @param reason  PrimaryTypeEmpty or PrimaryTypeShrunk
     * @param count   deletions held
     * @param message what the primary listed against what was expected
     */
    public record TypeHold(String type, String reason, int count, String message) {}

    /** {@code name} is the target entity's key. */
    public record PendingDeletion(String type, String name, String reason) {}

    /** A write made (or, in ObserveOnly, wanted) on the target; {@code name} is the entity's key. */
    public record Change(String type, String name, Action action, boolean applied) {}

    /**
     * The target's entities this pass saw in full (as read, or as written), by type and key, and the
     * keys the target holds at the end of the pass, by type. Entities a pass skipped as unchanged are
     * not in {@code seen}.
     */
    public record Copy(Map<String, Map<String, ObjectNode>> seen, Map<String, Set<String>> present) {
        public static final Copy NONE = new Copy(Map.of(), Map.of());

        /** Never shows the entities: a body written from material carries secrets. */
        @Override
        public String toString() {
            return "Copy[types=" + present.keySet() + "]";
        }
    }
}
