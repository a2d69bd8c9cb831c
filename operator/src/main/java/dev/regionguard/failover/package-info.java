/**
 * Pure failover decisions: standby readiness, target selection, the automatic failover policy and the
 * RegionFailover state machine. No I/O and no clock: the reconcilers pass in what they read and {@code now}.
 *
 * <p>Wiring contract of the RegionFailover reconciler, per reconcile:
 * <ol>
 * <li>Build a {@link dev.regionguard.failover.ProtectionView} from the protection (null when it is gone):
 *     {@link dev.regionguard.failover.RegionTopology#of}, live region health, one
 *     {@link dev.regionguard.failover.StandbyReadiness} per non-active region, status.failover's name.</li>
 * <li>Call {@link dev.regionguard.failover.FailoverStateMachine#next} with the RegionFailover's stored status.
 *     <ul>
 *     <li>{@code Record}: write that status (status subresource), then emit its milestones as Events, then mirror
 *         {@link dev.regionguard.failover.FailoverLock#of} into the protection's status.failover if this
 *         RegionFailover holds it; requeue after {@code retryAfter} when set, else at once.</li>
 *     <li>{@code Perform}: do the step idempotently, pass its result to {@code completed}, write the returned
 *         status as for Record. Validating: set the protection's status.failover to this RegionFailover if it is
 *         empty (optimistic lock), else report failed. Promoting: write activeRegion, epoch and fencedRegions
 *         of {@code after} only while the protection still has epoch {@code after.epoch - 1} (compare-and-set).</li>
 *     <li>{@code Done}: clear status.failover if it names this RegionFailover, add the history entry with
 *         {@link dev.regionguard.failover.FailoverHistory#add}, undo fencing when asked.</li>
 *     </ul></li>
 * <li>On deletion ask {@link dev.regionguard.failover.FailoverStateMachine#onDeletion}: release the finalizer, or
 *     keep it and keep calling {@code next} until the failover is final.</li>
 * </ol>
 */
package dev.regionguard.failover;
