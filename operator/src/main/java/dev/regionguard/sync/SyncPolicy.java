package dev.regionguard.sync;

/**
 * The rules of one pass.
 *
 * @param writes               create and update on targets (false: ObserveOnly)
 * @param deletes              delete on targets what the source lacks (Mirror only)
 * @param maxDeletionsPerPass  cap per target per pass; the rest is held back and reported
 * @param fullCompare          ignore watermarks: read and compare everything
 * @param shrinkBaseline       the source's entity count when deletions were last allowed (0: none yet)
 * @param confirmedSourceCount a count the owner confirmed as intended (annotation), or null
 */
public record SyncPolicy(
        boolean writes,
        boolean deletes,
        int maxDeletionsPerPass,
        boolean fullCompare,
        int shrinkBaseline,
        Integer confirmedSourceCount) {}
