package dev.regionguard.sync;

import java.util.Map;

/**
 * The rules of one pass.
 *
 * @param writes               create and update on targets (false: ObserveOnly)
 * @param deletes              delete on targets what the source lacks (Mirror only)
 * @param maxDeletionsPerPass  cap per target per pass; the rest is held back and reported
 * @param fullCompare          ignore watermarks: read and compare everything
 * @param shrinkBaseline       the source's entity count when deletions were last allowed (0: none yet)
 * @param confirmedSourceCount a count the owner confirmed as intended (annotation), or null
 * @param typeBaselines        per type name, the baseline of that type's own shrink guard (absent: none yet)
 */
public record SyncPolicy(
        boolean writes,
        boolean deletes,
        int maxDeletionsPerPass,
        boolean fullCompare,
        int shrinkBaseline,
        Integer confirmedSourceCount,
        Map<String, Integer> typeBaselines) {

    public SyncPolicy {
        typeBaselines = typeBaselines == null ? Map.of() : Map.copyOf(typeBaselines);
    }

    /** Without per-type baselines: each type's guard starts from what the first complete list shows. */
    public SyncPolicy(
            boolean writes,
            boolean deletes,
            int maxDeletionsPerPass,
            boolean fullCompare,
            int shrinkBaseline,
            Integer confirmedSourceCount) {
        this(writes, deletes, maxDeletionsPerPass, fullCompare, shrinkBaseline, confirmedSourceCount, Map.of());
    }

    int typeBaseline(String typeName) {
        return typeBaselines.getOrDefault(typeName, 0);
    }

    /** The owner confirmed exactly this many entities on the source as intended. */
    boolean confirms(int sourceCount) {
        return confirmedSourceCount != null && confirmedSourceCount == sourceCount;
    }
}
