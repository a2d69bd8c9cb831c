package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@link SyncEngine#sync}: list everything, then per type in restore order read what
 * may differ, translate, compare and write ({@link Upserts}), then delete what the source lacks in
 * reverse order ({@link ExtraDeletions}), then settle the watermarks. Runs on the caller's thread;
 * every store call goes through the store's {@link Lane}.
 */
final class SyncPass {
    private static final Logger LOG = LoggerFactory.getLogger(SyncPass.class);

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
        Upserts upserts = new Upserts(request.source(), sourceLane, source, policy, graph, material);
        for (EntityType type : graph.types()) {
            if (blocked.contains(type.name())) {
                reportBlocked(type, reached);
            } else {
                upserts.run(type, reached);
            }
        }
        ExtraDeletions deletions = new ExtraDeletions(request.source(), sourceLane, source, policy, graph);
        deletions.run(reached, blocked);
        settleMarkers(reached);
        reached.forEach(t -> t.rememberTranslations(graph));
        rememberSource(reached, blocked);
        retainWatermarks(blocked);
        followUps(reached);
        return outcome(deletions.nextBaselines());
    }

    /** Each reached target's own follow-up checks, on its lane; a failing one is an issue, not a failed pass. */
    private void followUps(List<TargetRun> reached) {
        Map<TargetRun, CompletableFuture<List<SyncOutcome.EntityIssue>>> checks = new LinkedHashMap<>();
        reached.forEach(t -> checks.put(t, t.lane().submit(() -> t.store().followUp(policy.writes()))));
        checks.forEach((t, check) -> {
            Attempt<List<SyncOutcome.EntityIssue>> attempt = Attempt.of(check);
            if (attempt.failed()) {
                t.report().issue("-", null, "FollowUpFailed", attempt.failure().summary());
            } else {
                attempt.value().forEach(i -> t.report().issue(i.type(), i.name(), i.reason(), i.message()));
            }
        });
    }

    // --- list ---------------------------------------------------------------------------------

    private void listEverything() {
        request.source().startPass();
        request.targets().forEach(t -> t.store().startPass());
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
        SyncOutcome.Source s =
                new SyncOutcome.Source(false, 0, Map.of(), f.summary(), f.category(), policy.typeBaselines());
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

    // --- watermarks and outcome ----------------------------------------------------------------

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
                        t.watermarks().put(type.name(), key, w.withTargetMarker(type.changeMarker(item)));
                    }
                });
            }
        }));
    }

    /** What the next pass needs to prove a deletion: ids and absences of complete lists only. */
    private void rememberSource(List<TargetRun> reached, Set<String> blocked) {
        for (TargetRun t : reached) {
            for (EntityType type : graph.types()) {
                if (blocked.contains(type.name())) {
                    t.watermarks().deletions().forgetAbsences(type.name());
                } else {
                    t.watermarks().deletions().remember(type.name(), source.indexed(type), t.indexed(type));
                }
            }
        }
    }

    private void retainWatermarks(Set<String> blocked) {
        for (EntityType type : graph.types()) {
            if (!blocked.contains(type.name())) {
                Set<String> keys = source.indexed(type).byKey().keySet();
                targets.forEach(t -> t.watermarks().retain(type.name(), keys));
            }
        }
    }

    private SyncOutcome outcome(Map<String, Integer> baselines) {
        Map<String, Integer> counts = source.nonBuiltInCounts(graph.types());
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        SyncOutcome.Source s = new SyncOutcome.Source(
                source.failures().isEmpty(), total, Collections.unmodifiableMap(counts), null, null, baselines);
        List<SyncOutcome.Target> results = targets.stream()
                .map(t -> t.reached() ? t.report().build(t.name(), graph, t.copy()) : notSynced(t, t.failure()))
                .toList();
        return new SyncOutcome(s, results);
    }

    private static SyncOutcome.Target notSynced(TargetRun t, Failure failure) {
        if (failure != null) {
            LOG.warn("target {} not reached: {}", t.store().describe(), failure.summary());
        }
        return SyncOutcome.Target.unreached(
                t.name(), failure == null ? null : failure.summary(), failure == null ? null : failure.category());
    }
}
