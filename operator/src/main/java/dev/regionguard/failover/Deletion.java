package dev.regionguard.failover;

/**
 * What deleting a RegionFailover means, from its recorded status.
 *
 * @param release true: drop the finalizer now; false: keep it and keep running the state machine
 *                until the failover is final (after abort, when set, has undone its fences)
 * @param abort   record the abort first: the failover was not committed, so it stops (undoing every
 *                recorded fence) and ends Aborted
 */
public record Deletion(boolean release, boolean abort, String message) {}
