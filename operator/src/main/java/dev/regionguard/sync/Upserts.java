package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, updates and replaces one type on every reached target: plan, start the reads, decide on
 * the caller's thread (a needed write starts on the target's lane at once), then collect the writes.
 */
final class Upserts {
    private static final Logger LOG = LoggerFactory.getLogger(Upserts.class);
    private static final String WRITE_NOT_APPLIED = "WriteNotApplied";

    private final EntityStore sourceStore;
    private final Lane sourceLane;
    private final SyncPolicy policy;
    private final TypeGraph graph;
    private final UpsertPlanner planner;

    Upserts(
            EntityStore sourceStore,
            Lane sourceLane,
            Listing source,
            SyncPolicy policy,
            TypeGraph graph,
            MaterialCache material) {
        this.sourceStore = sourceStore;
        this.sourceLane = sourceLane;
        this.policy = policy;
        this.graph = graph;
        this.planner = new UpsertPlanner(source, policy, material);
    }

    void run(EntityType type, List<TargetRun> reached) {
        Map<TargetRun, List<Work>> plans = new LinkedHashMap<>();
        for (TargetRun t : reached) {
            plans.put(t, planner.plan(type, t));
        }
        startReads(type, plans);
        plans.forEach((t, works) -> works.forEach(w -> decide(type, t, w)));
        plans.forEach((t, works) -> works.forEach(w -> finishWrite(type, t, w)));
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
                        w.key, k -> sourceLane.submit(() -> sourceStore.read(type, w.sourceItem)));
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
        t.saw(typeName, w.key, w.current);
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
                    .put(typeName, w.key, Watermark.matched(w.sourceMarker, w.targetMarker, desired.materialDigest()));
            t.report().unchanged();
        } else if (action == Action.UPDATE && policy.writes() && notApplied(w, desired)) {
            reportNotApplied(type, t, w, desired);
        } else if (!policy.writes()) {
            t.report().wanted(typeName, w.key, action);
        } else {
            w.action = action;
            w.desired = desired;
            // Settling (an app rolling out) happens after the lane slot is given back.
            w.write = t.lane()
                    .submit(() -> write(type, t.store(), w))
                    .thenCompose(
                            written -> t.store().settle(type, written, t.lane().executor()));
        }
    }

    /**
     * Writing the same again would not converge either: report it, and let the watermark forget
     * the write so that only the next full compare writes again (the back-off).
     */
    private static void reportNotApplied(EntityType type, TargetRun t, Work w, Desired desired) {
        String message = "the standby still differs after our update, at "
                + FieldDiff.paths(desired.comparable(), type.comparable(w.current, t))
                + "; written again at the next full compare only";
        t.watermarks()
                .put(
                        type.name(),
                        w.key,
                        new Watermark(w.sourceMarker, w.targetMarker, w.previous.materialDigest(), null, message));
        t.report().skipped(type.name(), w.key, WRITE_NOT_APPLIED, message);
    }

    /**
     * An earlier update wrote exactly this, and neither side has changed since (a standby edited by
     * someone else after our write is simply written again).
     */
    private static boolean notApplied(Work w, Desired desired) {
        return w.previous != null
                && desired.comparable().equals(w.previous.written())
                && Objects.equals(w.sourceMarker, w.previous.sourceMarker())
                && w.targetMarker != null
                && w.targetMarker.equals(w.previous.targetMarker())
                && Objects.equals(desired.materialDigest(), w.previous.materialDigest());
    }

    /**
     * The back-off write of an update the standby did not take, for the same source: it stays
     * reported until a compare finds the sides equal.
     */
    private static String stillNotApplied(Work w) {
        return w.action == Action.UPDATE
                        && w.previous != null
                        && Objects.equals(w.sourceMarker, w.previous.sourceMarker())
                        && Objects.equals(w.desired.materialDigest(), w.previous.materialDigest())
                ? w.previous.notApplied()
                : null;
    }

    /** Null when the target already matches (including the material last written). */
    private static Action choose(EntityType type, TargetRun t, Work w, Desired desired) {
        if (w.current == null) {
            return Action.CREATE;
        }
        ObjectNode current = type.comparable(w.current, t);
        String lastDigest = w.previous == null ? null : w.previous.materialDigest();
        if (Objects.equals(desired.comparable(), current)
                && t.watermarks().sameMaterial(lastDigest, desired.materialDigest())) {
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
            String refusal = w.action == Action.CREATE
                    ? type.createRefusal(result.failure().category())
                    : null;
            if (refusal != null) {
                t.report().skipped(typeName, w.key, refusal, summary);
            } else {
                t.report().failed(typeName, w.key, "WriteFailed", summary);
            }
            return;
        }
        ObjectNode written = result.value();
        t.saw(typeName, w.key, written != null ? written : w.desired.body());
        if (w.action != Action.UPDATE) {
            t.setId(typeName, w.key, written == null ? null : type.id(written));
            t.idsChanged(type, graph);
        }
        // The response's marker, or null so that the next pass reads again.
        String writtenMarker = written == null ? null : type.changeMarker(written);
        String stillNotApplied = stillNotApplied(w);
        t.watermarks()
                .put(
                        typeName,
                        w.key,
                        new Watermark(
                                w.sourceMarker,
                                writtenMarker,
                                w.desired.materialDigest(),
                                w.action == Action.UPDATE ? w.desired.comparable() : null,
                                stillNotApplied));
        t.wrote(typeName, w.key);
        LOG.debug("{} {} '{}' on {}", verb(w.action), typeName, w.key, t.store().describe());
        t.report().applied(typeName, w.key, w.action);
        if (stillNotApplied != null) {
            t.report().issue(typeName, w.key, WRITE_NOT_APPLIED, stillNotApplied);
        }
    }

    private static String verb(Action action) {
        return action.name().toLowerCase(Locale.ROOT);
    }
}
