package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the targets have and the source lacks, dependents first, once the source's absence
 * is proven ({@link DeletionProof}) and unless the pass holds deletions (incomplete primary list,
 * {@link PruneGuard} on the total), the type's own guard holds them, or the per-pass cap is
 * reached; everything not deleted is reported as pending with its reason.
 */
final class ExtraDeletions {
    private static final Logger LOG = LoggerFactory.getLogger(ExtraDeletions.class);
    private static final String PRIMARY_LIST_INCOMPLETE = "PrimaryListIncomplete";

    /** {@code duplicate}: a second copy of a key the target keeps; the source is not asked. */
    private record Deletion(EntityType type, String key, ObjectNode entity, TargetRun target, boolean duplicate) {}

    private final Listing source;
    private final SyncPolicy policy;
    private final TypeGraph graph;
    private final DeletionProof proof;
    /** Per type, the most absences proven on one target: how far the type's baseline may go down. */
    private final Map<String, Integer> proven = new HashMap<>();
    /** Types a guard held on some target: their baselines stay. */
    private final Set<String> held = new HashSet<>();

    private boolean passHeld;

    ExtraDeletions(EntityStore sourceStore, Lane sourceLane, Listing source, SyncPolicy policy, TypeGraph graph) {
        this.source = source;
        this.policy = policy;
        this.graph = graph;
        this.proof = new DeletionProof(sourceStore, sourceLane, source);
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

    /**
     * Per type listed in this pass, the baseline of its guard for the next pass: the count when it
     * grew or the owner confirmed the total; else lowered only by the absences proven in this pass,
     * and not at all when a guard held deletions.
     */
    Map<String, Integer> nextBaselines() {
        Map<String, Integer> counts = source.nonBuiltInCounts(graph.types());
        boolean confirmed = source.failures().isEmpty()
                && policy.confirms(
                        counts.values().stream().mapToInt(Integer::intValue).sum());
        Map<String, Integer> next = new TreeMap<>(policy.typeBaselines());
        counts.forEach((type, count) -> {
            int before = policy.typeBaseline(type);
            int lowered = passHeld || held.contains(type) ? before : before - proven.getOrDefault(type, 0);
            next.put(type, count >= before || confirmed ? count : Math.max(count, lowered));
        });
        return next;
    }

    /** The deletions to make now, by type; every other candidate is reported as pending or wanted. */
    private Map<String, List<Deletion>> choose(List<TargetRun> reached, Set<String> blocked) {
        String hold = deletionHold();
        passHeld = hold != null;
        Map<String, List<Deletion>> chosenByType = new LinkedHashMap<>();
        for (TargetRun t : reached) {
            List<Deletion> candidates = candidates(t, blocked);
            // Second copies of a key go whatever the source says: the copy kept stays.
            int budget = policy.maxDeletionsPerPass();
            for (Deletion copy : duplicates(t)) {
                if (budget <= 0) {
                    t.report().pendingDeletion(copy.type().name(), copy.key(), "DuplicateOnStandby");
                } else {
                    budget--;
                    chosenByType
                            .computeIfAbsent(copy.type().name(), n -> new ArrayList<>())
                            .add(copy);
                }
            }
            if (!policy.deletes() || hold != null) {
                t.report().holdReason(hold);
                String reason = policy.deletes() ? hold : "DeletesDisabled";
                candidates.forEach(c -> t.report().pendingDeletion(c.type().name(), c.key(), reason));
                continue;
            }
            Set<String> onReadProof = new HashSet<>();
            Map<Deletion, DeletionProof.Check> checks = check(t, unheld(t, candidates, onReadProof));
            holdUnlessReadProven(t, checks, onReadProof);
            Map<String, Integer> provenHere = new HashMap<>();
            for (Map.Entry<Deletion, DeletionProof.Check> e : checks.entrySet()) {
                Deletion candidate = e.getKey();
                String typeName = candidate.type().name();
                DeletionProof.Verdict verdict = e.getValue().verdict();
                if (verdict != DeletionProof.Verdict.PROVEN) {
                    t.report().pendingDeletion(typeName, candidate.key(), verdict.reason);
                    continue;
                }
                provenHere.merge(typeName, 1, Integer::sum);
                if (budget <= 0) {
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
            provenHere.forEach((type, n) -> proven.merge(type, n, Math::max));
        }
        return chosenByType;
    }

    /**
     * The candidates whose type's own guard does not hold them; held ones are reported. A type
     * listed empty whose whole baseline fits in one pass's cap goes to {@code onReadProof}.
     */
    private List<Deletion> unheld(TargetRun t, List<Deletion> candidates, Set<String> onReadProof) {
        Map<String, Integer> counts = source.nonBuiltInCounts(graph.types());
        boolean confirmed = policy.confirms(
                counts.values().stream().mapToInt(Integer::intValue).sum());
        Map<String, List<Deletion>> byType = new LinkedHashMap<>();
        candidates.forEach(c ->
                byType.computeIfAbsent(c.type().name(), n -> new ArrayList<>()).add(c));
        List<Deletion> unheld = new ArrayList<>();
        byType.forEach((typeName, ofType) -> {
            int count = counts.getOrDefault(typeName, 0);
            int baseline = policy.typeBaseline(typeName);
            String reason = PruneGuard.typeHoldReason(count, baseline, policy.maxDeletionsPerPass(), confirmed)
                    .orElse(null);
            boolean smallEmpty = PruneGuard.PRIMARY_TYPE_EMPTY.equals(reason)
                    && PruneGuard.emptyTypeMayGoOnReads(baseline, policy.maxDeletionsPerPass());
            if (reason == null || smallEmpty) {
                unheld.addAll(ofType);
                if (smallEmpty) {
                    onReadProof.add(typeName);
                }
                return;
            }
            holdType(t, typeName, reason, ofType);
        });
        return unheld;
    }

    /** A small type listed empty is held after all unless a direct read proved each of its deletions. */
    private void holdUnlessReadProven(TargetRun t, Map<Deletion, DeletionProof.Check> checks, Set<String> onReadProof) {
        for (String typeName : onReadProof) {
            List<Deletion> ofType = checks.keySet().stream()
                    .filter(d -> d.type().name().equals(typeName))
                    .toList();
            if (!ofType.stream().allMatch(d -> checks.get(d).provenByRead())) {
                ofType.forEach(checks::remove);
                holdType(t, typeName, PruneGuard.PRIMARY_TYPE_EMPTY, ofType);
            }
        }
    }

    private void holdType(TargetRun t, String typeName, String reason, List<Deletion> ofType) {
        held.add(typeName);
        int count = source.nonBuiltInCounts(graph.types()).getOrDefault(typeName, 0);
        ofType.forEach(c -> t.report().pendingDeletion(typeName, c.key(), reason));
        t.report()
                .typeHold(
                        typeName,
                        reason,
                        ofType.size(),
                        "the primary lists " + count + " " + typeName + " (baseline " + policy.typeBaseline(typeName)
                                + "); " + ofType.size() + " deletions held");
    }

    /** Starts the proof of every candidate; direct reads at most as many as the cap allows deletions. */
    private Map<Deletion, DeletionProof.Check> check(TargetRun t, List<Deletion> candidates) {
        Map<Deletion, DeletionProof.Check> checks = new LinkedHashMap<>();
        int reads = 0;
        for (Deletion d : candidates) {
            DeletionProof.Check c =
                    proof.start(d.type(), d.key(), t.watermarks().deletions(), reads < policy.maxDeletionsPerPass());
            if (c.read() != null) {
                reads++;
            }
            checks.put(d, c);
        }
        return checks;
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
                    result.add(new Deletion(type, key, entity, t, false));
                }
            });
        }
        return result;
    }

    /**
     * Second copies of a key on the target, in Mirror mode with writes (else the planner reports
     * them): nothing the source has is lost, so no proof and no hold applies.
     */
    private List<Deletion> duplicates(TargetRun t) {
        List<Deletion> result = new ArrayList<>();
        if (!policy.deletes() || !policy.writes()) {
            return result;
        }
        for (EntityType type : graph.typesReversed()) {
            t.indexed(type)
                    .duplicates()
                    .forEach((key, copies) -> copies.stream()
                            .filter(copy -> !type.builtIn(copy) && type.deletable(copy))
                            .forEach(copy -> result.add(new Deletion(type, key, copy, t, true))));
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
        if (d.duplicate()) {
            LOG.info(
                    "removed a duplicate {} '{}' on {}",
                    typeName,
                    d.key(),
                    t.store().describe());
            t.report().duplicateRemoved(typeName, d.key());
            return;
        }
        t.setId(typeName, d.key(), null);
        t.watermarks().remove(typeName, d.key());
        LOG.debug("delete {} '{}' on {}", typeName, d.key(), t.store().describe());
        t.report().applied(typeName, d.key(), Action.DELETE);
    }
}
