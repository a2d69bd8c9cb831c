/**
 * Pure failover decisions: standby readiness, target selection, the automatic failover policy and the
 * RegionFailover state machine. No I/O and no clock: the reconcilers pass in what they read and {@code now}.
 *
 * <p>Wiring (one writer per object): {@link dev.regionguard.controller.failover.RegionFailoverReconciler} writes only the
 * RegionFailover's status and drives {@link dev.regionguard.failover.FailoverStateMachine}: Record = write status then
 * emit Events; Perform = the idempotent side effect through the protection's {@link dev.regionguard.controller.failover.FailoverPort}
 * (service specifics in a {@link dev.regionguard.controller.protection.FailoverActions}), then {@code completed}. Promoting performs
 * nothing: recording it as succeeded (epoch, toRegion, Committed=True) is the commit. The protection's reconciler
 * computes its topology from its own status plus every committed RegionFailover above its epoch
 * ({@link dev.regionguard.controller.failover.CommittedFailovers}) and mirrors it, status.failover and the history into its
 * status. Only one RegionFailover of a protection runs: the earliest created that is not final.
 * On deletion, {@link dev.regionguard.failover.FailoverStateMachine#onDeletion} decides: abort (and unfence) before
 * Promoting, or keep the finalizer and finish.
 */
package dev.regionguard.failover;
