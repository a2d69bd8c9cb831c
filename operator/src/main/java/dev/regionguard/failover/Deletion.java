package dev.regionguard.failover;

/**
 * What deleting a RegionFailover means, from its recorded status.
 *
 * @param release        true: drop the finalizer now (after the protection is released and, when
 *                       unfenceOldSide, the old side unfenced); false: keep it and keep running the
 *                       state machine until the failover is final, then release
 * @param unfenceOldSide the Fencing step ran, but the active region was not switched
 */
public record Deletion(boolean release, boolean unfenceOldSide, String message) {}
