package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@link SyncEngine#sync}: list everything, then per type in restore order read what
 * may differ, translate, compare and write, then delete what the source lacks in reverse order.
 * Runs on the caller's thread; every store call goes through the store's {@link Lane}.
 */
final class SyncPass {
    private static final Logger LOG = LoggerFactory.getLogger(SyncPass.class);
    private static final String PRIMARY_LIST_INCOMPLETE = "PrimaryListIncomplete";

    private final SyncRequest request;
    private final SyncPolicy policy;
    private final TypeGraph graph;
    private final Executor executor;
    private final int parallelism;
    private final MaterialCache material;
    private Lane sourceLane;
    private Listing source;
    private List<TargetRun> targets;

    SyncPass(SyncRequest request, Executor executor, int parallelism) {
        this.request = request;
        this.policy = request.policy();
        this.graph = new TypeGraph(request.types());
        this.executor = executor;
        this.parallelism = parallelism;
        this.material = new MaterialCache(request.material());
    }

    SyncOutcome run() {
        listEverything();
        if (sourceUnusable()) {
            return sourceFailed();
        }
        Set<String> blocked = graph.withDependents(source.failures().keySet());
        List<TargetRun> reached = targets.stream().filter(TargetRun::reached).toList();
        for (EntityType type : graph.types()) {
            if (blocked.contains(type.name())) {
                reportBlocked(type, reached);
            } else {
                upsert(type, reached);
            }
        }
        deleteExtras(reached, blocked);
        settleMarkers(reached);
        retainWatermarks(blocked);
        return outcome();
    }

    // --- 1. list -------------------------------------------------------------------------------

    private void listEverything() {
        sourceLane = new Lane(executor, parallelism);
        source = Listing.start(request.source(), graph.types(), sourceLane);
        targets = request.targets().stream()
                .map(t -> {
                    Lane lane = new Lane(executor, parallelism);
                    return new TargetRun(t, lane, Listing.start(t.store(), graph.types(), lane), source, material);
                })
                .toList();
        source.await();
        targets.forEach(t -> t.awaitListing(graph));
    }

    /** When every list failed, or access itself did, nothing on a target can be decided. */
    private boolean sourceUnusable() {
        Map<String, Failure> failures = source.failures();
        return !graph.types().isEmpty() && failures.size() == graph.types().size()
                || failures.values().stream().anyMatch(Failure::stopsEverything);
    }

    private SyncOutcome sourceFailed() {
        Failure f = source.headlineFailure();
        LOG.warn("source {} could not be read: {}", request.source().describe(), f.summary());
        SyncOutcome.Source s = new SyncOutcome.Source(false, 0, Map.of(), f.summary(), f.category());
        return new SyncOutcome(
                s, targets.stream().map(t -> notSynced(t, t.failure())).toList());
    }

    private void reportBlocked(EntityType type, List<TargetRun> reached) {
        Failure own = source.failures().get(type.name());
        String message = own != null
                ? "the primary's list could not be read: " + own.summary()
                : "depends on " + type.dependsOn() + ", not read completely from the primary";
        reached.forEach(t -> t.report().issue(type.name(), null, "PrimaryReadFailed", message));
    }

    // --- 2./3. match and upsert ----------------------------------------------------------------

    private void upsert(EntityType type, List<TargetRun> reached) {
        Map<TargetRun, List<Work>> plans = new LinkedHashMap<>();
        for (TargetRun t : reached) {
            plans.put(t, plan(type, t));
        }
        startReads(type, plans);
        plans.forEach((t, works) -> works.forEach(w -> decide(type, t, w)));
        plans.forEach((t, works) -> works.forEach(w -> finishWrite(type, t, w)));
    }

    /** What needs a closer look on this target; the rest is settled here without any call. */
    private List<Work> plan(EntityType type, TargetRun t) {
        Indexed src = source.indexed(type);
        Indexed tgt = t.indexed(type);
        String typeName = type.name();
        src.duplicateKeys()
                .forEach(k -> t.report()
                        .issue(
                                typeName,
                                k,
                                "DuplicateKey",
                                "more than one on the primary has this key; only the first is synced"));
        tgt.duplicateKeys()
                .forEach(k -> t.report()
                        .issue(
                                typeName,
                                k,
                                "DuplicateKey",
                                "more than one on this standby has this key; only the first is synced"));
        boolean compareInFull = policy.fullCompare() || t.mustCompareInFull(type);
        List<Work> works = new ArrayList<>();
        src.byKey().forEach((key, sourceItem) -> {
            ObjectNode targetItem = tgt.byKey().get(key);
            if (targetItem == null && type.builtIn(sourceItem)) {
                t.report()
                        .skipped(typeName, key, "BuiltInMissing", "built in on the primary but absent on this standby");
                return;
            }
            Watermark previous = t.watermarks().get(typeName, key).orElse(null);
            String sourceMarker = type.changeMarker(sourceItem);
            String targetMarker = targetItem == null ? null : type.changeMarker(targetItem);
            if (targetItem != null
                    && !compareInFull
                    && unchangedSince(previous, sourceMarker, targetMarker, material.digest(type, sourceItem))) {
                t.report().unchanged();
                return;
            }
            works.add(new Work(key, sourceItem, targetItem, previous, sourceMarker, targetMarker));
        });
        return works;
    }

    private static boolean unchangedSince(Watermark w, String sourceMarker, String targetMarker, String digest) {
        return w != null
                && sourceMarker != null
                && targetMarker != null
                && sourceMarker.equals(w.sourceMarker())
                && targetMarker.equals(w.targetMarker())
                && Objects.equals(digest, w.materialDigest());
    }

    /** Full reads where list items are not enough; a source entity is read once for all targets. */
    private void startReads(EntityType type, Map<TargetRun, List<Work>> plans) {
        Map<String, CompletableFuture<ObjectNode>> sourceReads = new LinkedHashMap<>();
        plans.forEach((t, works) -> {
            for (Work w : works) {
                if (type.listItemComplete()) {
                    w.sourceEntity = CompletableFuture.completedFuture(w.sourceItem);
                    w.targetEntity = CompletableFuture.completedFuture(w.targetItem);
                    continue;
                }
                w.sourceEntity = sourceReads.computeIfAbsent(
                        w.key, k -> sourceLane.submit(() -> request.source().read(type, w.sourceItem)));
                w.targetEntity = w.targetItem == null
                        ? CompletableFuture.completedFuture(null)
                        : t.lane().submit(() -> t.store().read(type, w.targetItem));
            }
        });
    }

    /** Translate and compare on this thread; a needed write starts on the target's lane at once. */
    private void decide(EntityType type, TargetRun t, Work w) {
        String typeName = type.name();
        Attempt<ObjectNode> src = Attempt.of(w.sourceEntity);
        Attempt<ObjectNode> tgt = Attempt.of(w.targetEntity);
        if (src.failed() || tgt.failed()) {
            t.watermarks().remove(typeName, w.key);
            String reason = src.failed() ? "PrimaryReadFailed" : "ReadFailed";
            t.report()
                    .failed(
                            typeName,
                            w.key,
                            reason,
                            (src.failed() ? src : tgt).failure().summary());
            return;
        }
        w.current = tgt.value();
        Translation translation;
        Action action;
        try {
            translation = type.translate(src.value(), t);
            action = translation instanceof Translation.Write write ? choose(type, t, w, write.desired()) : null;
        } catch (RuntimeException e) {
            t.watermarks().remove(typeName, w.key);
            t.report()
                    .failed(typeName, w.key, "TranslationFailed", Failure.of(e).summary());
            return;
        }
        if (translation instanceof Translation.Skip skip) {
            t.watermarks().remove(typeName, w.key);
            t.report().skipped(typeName, w.key, skip.reason(), skip.message());
            return;
        }
        Desired desired = ((Translation.Write) translation).desired();
        if (action == null) {
            t.watermarks()
                    .put(typeName, w.key, new Watermark(w.sourceMarker, w.targetMarker, desired.materialDigest()));
            t.report().unchanged();
        } else if (!policy.writes()) {
            t.report().wanted(typeName, w.key, action);
        } else {
            w.action = action;
            w.desired = desired;
            w.write = t.lane().submit(() -> write(type, t.store(), w));
        }
    }

    /** Null when the target already matches (including the material last written). */
    private static Action choose(EntityType type, TargetRun t, Work w, Desired desired) {
        if (w.current == null) {
            return Action.CREATE;
        }
        ObjectNode current = type.comparable(w.current, t);
        String lastDigest = w.previous == null ? null : w.previous.materialDigest();
        if (Objects.equals(desired.comparable(), current) && Objects.equals(desired.materialDigest(), lastDigest)) {
            return null;
        }
        return !type.builtIn(w.current) && type.needsReplace(desired, current) ? Action.REPLACE : Action.UPDATE;
    }

    /** Runs on the executor. */
    private static ObjectNode write(EntityType type, EntityStore store, Work w) {
        return switch (w.action) {
            case CREATE -> store.create(type, w.desired);
            case UPDATE -> store.update(type, w.current, w.desired);
            case REPLACE -> {
                store.delete(type, w.current);
                w.targetDeleted = true;
                yield store.create(type, w.desired);
            }
            case DELETE -> throw new IllegalStateException("deletions are not upserts");
        };
    }

    private void finishWrite(EntityType type, TargetRun t, Work w) {
        if (w.write == null) {
            return;
        }
        String typeName = type.name();
        Attempt<ObjectNode> result = Attempt.of(w.write);
        if (result.failed()) {
            t.watermarks().remove(typeName, w.key);
            if (w.targetDeleted) {
                t.setId(typeName, w.key, null);
                t.idsChanged(type, graph);
            }
            String summary = verb(w.action) + ": " + result.failure().summary();
            LOG.warn(
                    "{} {} '{}' on {} failed: {}",
                    verb(w.action),
                    typeName,
                    w.key,
                    t.store().describe(),
                    result.failure().summary());
            t.report().failed(typeName, w.key, "WriteFailed", summary);
            return;
        }
        ObjectNode written = result.value();
        if (w.action != Action.UPDATE) {
            t.setId(typeName, w.key, written == null ? null : type.id(written));
            t.idsChanged(type, graph);
        }
        // The response's marker, or null so that the next pass reads again.
        String writtenMarker = written == null ? null : type.changeMarker(written);
        t.watermarks().put(typeName, w.key, new Watermark(w.sourceMarker, writtenMarker, w.desired.materialDigest()));
        t.wrote(typeName, w.key);
        LOG.debug("{} {} '{}' on {}", verb(w.action), typeName, w.key, t.store().describe());
        t.report().applied(typeName, w.key, w.action);
    }

    private static String verb(Action action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    // --- 4. delete -----------------------------------------------------------------------------

    private record Deletion(EntityType type, String key, ObjectNode entity, TargetRun target) {}

    private void deleteExtras(List<TargetRun> reached, Set<String> blocked) {
        String hold = deletionHold();
        Map<String, List<Deletion>> chosenByType = new LinkedHashMap<>();
        for (TargetRun t : reached) {
            if (policy.deletes()) {
                t.report().holdReason(hold);
            }
            int budget = policy.maxDeletionsPerPass();
            for (Deletion candidate : candidates(t, blocked)) {
                String typeName = candidate.type().name();
                if (!policy.deletes()) {
                    t.report().pendingDeletion(typeName, candidate.key(), "DeletesDisabled");
                } else if (hold != null) {
                    t.report().pendingDeletion(typeName, candidate.key(), hold);
                } else if (budget <= 0) {
                    t.report().pendingDeletion(typeName, candidate.key(), "DeletionCapReached");
                } else {
                    budget--;
                    if (policy.writes()) {
                        chosenByType
                                .computeIfAbsent(typeName, n -> new ArrayList<>())
                                .add(candidate);
                    } else {
                        t.report().wanted(typeName, candidate.key(), Action.DELETE);
                    }
                }
            }
        }
        // Dependents go first: a topic cannot go while its subscriptions are still there.
        for (EntityType type : graph.typesReversed()) {
            Map<Deletion, CompletableFuture<Void>> started = new LinkedHashMap<>();
            for (Deletion d : chosenByType.getOrDefault(type.name(), List.of())) {
                started.put(d, d.target().lane().submit(() -> {
                    d.target().store().delete(d.type(), d.entity());
                    return null;
                }));
            }
            started.forEach(this::finishDeletion);
        }
    }

    /** Held for the whole pass, or null when deletions may go ahead (or are off anyway). */
    private String deletionHold() {
        if (!policy.deletes()) {
            return null;
        }
        if (!source.failures().isEmpty()) {
            return PRIMARY_LIST_INCOMPLETE;
        }
        return PruneGuard.holdReason(sourceEntityCount(), policy).orElse(null);
    }

    /** Target entities whose key the source lacks, dependents first, then by key. */
    private List<Deletion> candidates(TargetRun t, Set<String> blocked) {
        List<Deletion> result = new ArrayList<>();
        for (EntityType type : graph.typesReversed()) {
            if (blocked.contains(type.name())) {
                continue;
            }
            Map<String, ObjectNode> onSource = source.indexed(type).byKey();
            t.indexed(type).byKey().forEach((key, entity) -> {
                if (!onSource.containsKey(key) && !type.builtIn(entity) && type.deletable(entity)) {
                    result.add(new Deletion(type, key, entity, t));
                }
            });
        }
        return result;
    }

    private void finishDeletion(Deletion d, CompletableFuture<Void> call) {
        TargetRun t = d.target();
        String typeName = d.type().name();
        Attempt<Void> result = Attempt.of(call);
        if (result.failed()) {
            LOG.warn(
                    "delete {} '{}' on {} failed: {}",
                    typeName,
                    d.key(),
                    t.store().describe(),
                    result.failure().summary());
            t.report()
                    .failed(
                            typeName,
                            d.key(),
                            "WriteFailed",
                            "delete: " + result.failure().summary());
            return;
        }
        t.setId(typeName, d.key(), null);
        t.watermarks().remove(typeName, d.key());
        LOG.debug("delete {} '{}' on {}", typeName, d.key(), t.store().describe());
        t.report().applied(typeName, d.key(), Action.DELETE);
    }

    // --- 7./8. watermarks and outcome ----------------------------------------------------------

    /**
     * Write responses often lack the marker a list shows later (a create answers created_at, a
     * topic's list fingerprint counts its sources), which would cost a read of every written
     * entity in the next pass. One list per written type settles them now. A change someone else
     * makes on the standby between our write and this list is caught by the next full comparison.
     */
    private void settleMarkers(List<TargetRun> reached) {
        Map<TargetRun, Map<EntityType, CompletableFuture<List<ObjectNode>>>> lists = new LinkedHashMap<>();
        for (TargetRun t : reached) {
            for (EntityType type : graph.types()) {
                if (!t.written(type.name()).isEmpty()) {
                    lists.computeIfAbsent(t, k -> new LinkedHashMap<>())
                            .put(type, t.lane().submit(() -> t.store().list(type)));
                }
            }
        }
        lists.forEach((t, byType) -> byType.forEach((type, call) -> {
            Attempt<List<ObjectNode>> listed = Attempt.of(call);
            if (listed.failed()) {
                return; // the markers stay null: the next pass reads those entities again
            }
            Map<String, ObjectNode> byKey = new HashMap<>();
            listed.value().forEach(item -> byKey.putIfAbsent(type.key(item), item));
            for (String key : t.written(type.name())) {
                ObjectNode item = byKey.get(key);
                t.watermarks().get(type.name(), key).ifPresent(w -> {
                    if (item != null) {
                        t.watermarks()
                                .put(
                                        type.name(),
                                        key,
                                        new Watermark(w.sourceMarker(), type.changeMarker(item), w.materialDigest()));
                    }
                });
            }
        }));
    }

    private void retainWatermarks(Set<String> blocked) {
        for (EntityType type : graph.types()) {
            if (!blocked.contains(type.name())) {
                Set<String> keys = source.indexed(type).byKey().keySet();
                targets.forEach(t -> t.watermarks().retain(type.name(), keys));
            }
        }
    }

    private int sourceEntityCount() {
        return sourceCounts().values().stream().mapToInt(Integer::intValue).sum();
    }

    private Map<String, Integer> sourceCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (EntityType type : graph.types()) {
            Indexed indexed = source.indexed(type);
            if (indexed != null) {
                counts.put(type.name(), indexed.nonBuiltInCount(type));
            }
        }
        return counts;
    }

    private SyncOutcome outcome() {
        Map<String, Integer> counts = sourceCounts();
        SyncOutcome.Source s = new SyncOutcome.Source(
                source.failures().isEmpty(), sourceEntityCount(), Collections.unmodifiableMap(counts), null, null);
        List<SyncOutcome.Target> results = targets.stream()
                .map(t -> t.reached() ? t.report().build(t.name(), graph) : notSynced(t, t.failure()))
                .toList();
        return new SyncOutcome(s, results);
    }

    private static SyncOutcome.Target notSynced(TargetRun t, Failure failure) {
        if (failure != null) {
            LOG.warn("target {} not reached: {}", t.store().describe(), failure.summary());
        }
        return new SyncOutcome.Target(
                t.name(),
                failure == null ? null : failure.summary(),
                failure == null ? null : failure.category(),
                SyncOutcome.Counts.ZERO,
                List.of(),
                List.of(),
                List.of(),
                null);
    }
}
