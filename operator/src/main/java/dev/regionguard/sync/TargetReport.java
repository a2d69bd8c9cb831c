package dev.regionguard.sync;

import dev.regionguard.sync.SyncOutcome.Change;
import dev.regionguard.sync.SyncOutcome.Counts;
import dev.regionguard.sync.SyncOutcome.EntityIssue;
import dev.regionguard.sync.SyncOutcome.PendingDeletion;
import dev.regionguard.sync.SyncOutcome.TypeHold;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What happened on one target in one pass, collected as it happens and sorted at the end. */
final class TargetReport {
    /** Status must stay small: lists are cut here, counts stay exact. */
    static final int MAX_LISTED = 50;

    private int created;
    private int updated;
    private int deleted;
    private int unchanged;
    private int skipped;
    private int failed;
    private final List<EntityIssue> issues = new ArrayList<>();
    private final List<PendingDeletion> pending = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private String holdReason;
    private final List<TypeHold> typeHolds = new ArrayList<>();
    private final List<String> duplicatesRemoved = new ArrayList<>();

    void unchanged() {
        unchanged++;
    }

    void applied(String type, String key, Action action) {
        switch (action) {
            case CREATE -> created++;
            case UPDATE, REPLACE -> updated++;
            case DELETE -> deleted++;
        }
        changes.add(new Change(type, key, action, true));
    }

    /** ObserveOnly: the change is reported, counted as skipped, and not made. */
    void wanted(String type, String key, Action action) {
        skipped++;
        changes.add(new Change(type, key, action, false));
        issues.add(new EntityIssue(
                type, key, "ObserveOnly", "would " + action.name().toLowerCase(Locale.ROOT)));
    }

    void skipped(String type, String key, String reason, String message) {
        skipped++;
        issue(type, key, reason, message);
    }

    void failed(String type, String key, String reason, String message) {
        failed++;
        issue(type, key, reason, message);
    }

    /** An issue that is not about one counted entity (a whole type, a duplicate key). */
    void issue(String type, String key, String reason, String message) {
        issues.add(new EntityIssue(type, key, reason, message));
    }

    void pendingDeletion(String type, String key, String reason) {
        pending.add(new PendingDeletion(type, key, reason));
    }

    void holdReason(String reason) {
        holdReason = reason;
    }

    /** A second copy of a key removed from the target: counted as deleted, listed as type/key. */
    void duplicateRemoved(String type, String key) {
        deleted++;
        duplicatesRemoved.add(type + "/" + key);
    }

    void typeHold(String type, String reason, int count, String message) {
        typeHolds.add(new TypeHold(type, reason, count, message));
    }

    SyncOutcome.Target build(String name, TypeGraph graph, SyncOutcome.Copy copy) {
        Counts counts = new Counts(created, updated, deleted, unchanged, skipped, failed);
        return new SyncOutcome.Target(
                name,
                null,
                null,
                counts,
                sorted(issues, EntityIssue::type, EntityIssue::name, graph, MAX_LISTED),
                sorted(pending, PendingDeletion::type, PendingDeletion::name, graph, MAX_LISTED),
                sorted(changes, Change::type, Change::name, graph, Integer.MAX_VALUE),
                holdReason,
                typeHolds.stream()
                        .sorted(Comparator.comparing(TypeHold::type, graph.byOrder()))
                        .toList(),
                duplicatesRemoved.stream().sorted().toList(),
                copy);
    }

    private static <T> List<T> sorted(
            List<T> items, Function<T, String> type, Function<T, String> key, TypeGraph graph, int max) {
        Comparator<T> order = Comparator.comparing(type, graph.byOrder())
                .thenComparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
        return items.stream().sorted(order).limit(max).toList();
    }
}
