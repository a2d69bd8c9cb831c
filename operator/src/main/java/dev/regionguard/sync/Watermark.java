package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What was last seen of one entity on both sides when they were known to match. While both
 * markers and the material digest are unchanged the entity is skipped without a read.
 *
 * @param written the comparable body our last update sent, or null when the sides matched without
 *     an update (a full compare that finds that difference again reports the write not applied)
 */
public record Watermark(String sourceMarker, String targetMarker, String materialDigest, ObjectNode written) {}
