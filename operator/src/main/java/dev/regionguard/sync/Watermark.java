package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What was last seen of one entity on both sides when they were known to match. While both
 * markers and the material digest are unchanged the entity is skipped without a read.
 *
 * @param written    the comparable body our last update sent, or null when the sides matched
 *                   without an update (a full compare that finds that difference again reports
 *                   the write not applied)
 * @param notApplied why the standby is known not to take our update (the differing fields), or
 *                   null: reported on every pass until either side changes or a compare finds it equal
 */
public record Watermark(
        String sourceMarker, String targetMarker, String materialDigest, ObjectNode written, String notApplied) {

    /** A match seen by comparison, not by a write. */
    static Watermark matched(String sourceMarker, String targetMarker, String materialDigest) {
        return new Watermark(sourceMarker, targetMarker, materialDigest, null, null);
    }

    Watermark withTargetMarker(String marker) {
        return new Watermark(sourceMarker, marker, materialDigest, written, notApplied);
    }
}
