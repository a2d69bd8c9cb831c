package dev.regionguard.sync;

/**
 * What was last seen of one entity on both sides when they were known to match. While both
 * markers and the material digest are unchanged the entity is skipped without a read.
 */
public record Watermark(String sourceMarker, String targetMarker, String materialDigest) {}
