package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Which source entities of one type need a closer look on one target. The rest is settled from the
 * lists alone, without any call: built-ins the standby lacks are skipped, and an entity whose change
 * markers and material match the watermark of the last write is unchanged.
 */
final class UpsertPlanner {
    private final Listing source;
    private final SyncPolicy policy;
    private final MaterialCache material;

    UpsertPlanner(Listing source, SyncPolicy policy, MaterialCache material) {
        this.source = source;
        this.policy = policy;
        this.material = material;
    }

    List<Work> plan(EntityType type, TargetRun t) {
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
        if (!policy.deletes()) { // in Mirror mode the copies go (ExtraDeletions)
            tgt.duplicateKeys()
                    .forEach(k -> t.report()
                            .issue(
                                    typeName,
                                    k,
                                    "DuplicateKey",
                                    "more than one on this standby has this key; only the first is synced"));
        }
        boolean compareInFull = policy.fullCompare() || t.mustCompareInFull(type);
        List<Work> works = new ArrayList<>();
        src.byKey().forEach((key, sourceItem) -> {
            ObjectNode targetItem = tgt.byKey().get(key);
            if (targetItem == null && type.builtIn(sourceItem)) {
                Translation.Skip missing = type.builtInMissing(sourceItem);
                t.report().skipped(typeName, key, missing.reason(), missing.message());
                return;
            }
            Watermark previous = t.watermarks().get(typeName, key).orElse(null);
            String sourceMarker = type.changeMarker(sourceItem);
            String targetMarker = targetItem == null ? null : type.changeMarker(targetItem);
            if (targetItem != null
                    && !compareInFull
                    && unchangedSince(
                            t.watermarks(), previous, sourceMarker, targetMarker, material.digest(type, sourceItem))) {
                if (previous.notApplied() != null) {
                    t.report().skipped(typeName, key, "WriteNotApplied", previous.notApplied());
                } else {
                    t.report().unchanged();
                }
                return;
            }
            works.add(new Work(key, sourceItem, targetItem, previous, sourceMarker, targetMarker));
        });
        return works;
    }

    private static boolean unchangedSince(
            Watermarks memory, Watermark w, String sourceMarker, String targetMarker, String digest) {
        return w != null
                && sourceMarker != null
                && targetMarker != null
                && sourceMarker.equals(w.sourceMarker())
                && targetMarker.equals(w.targetMarker())
                && memory.sameMaterial(w.materialDigest(), digest);
    }
}
