package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the targets have and the source lacks, dependents first, unless the pass holds
 * deletions (incomplete primary list, {@link PruneGuard}) or the per-pass cap is reached; held and
 * capped deletions are reported as pending.
 */
final class ExtraDeletions {
    private static final Logger LOG = LoggerFactory.getLogger(ExtraDeletions.class);
    private static final String PRIMARY_LIST_INCOMPLETE = "PrimaryListIncomplete";

    private record Deletion(EntityType type, String key, ObjectNode entity, TargetRun target) {}

    private final Listing source;
    private final SyncPolicy policy;
    private final TypeGraph graph;

    ExtraDeletions(Listing source, SyncPolicy policy, TypeGraph graph) {
        this.source = source;
        this.policy = policy;
        this.graph = graph;
    }

    void run(List<TargetRun> reached, Set<String> blocked) {
        Map<String, List<Deletion>> chosenByType = choose(reached, blocked);
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

    /** The deletions to make now, by type; every other candidate is reported as pending or wanted. */
    private Map<String, List<Deletion>> choose(List<TargetRun> reached, Set<String> blocked) {
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
        return chosenByType;
    }

    /** Held for the whole pass, or null when deletions may go ahead (or are off anyway). */
    private String deletionHold() {
        if (!policy.deletes()) {
            return null;
        }
        if (!source.failures().isEmpty()) {
            return PRIMARY_LIST_INCOMPLETE;
        }
        return PruneGuard.holdReason(source.nonBuiltInCount(graph.types()), policy)
                .orElse(null);
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
}
