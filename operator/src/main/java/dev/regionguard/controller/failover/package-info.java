/**
 * The RegionFailover side of the operator: {@link dev.regionguard.controller.failover.RegionFailoverReconciler}
 * drives the pure {@link dev.regionguard.failover.FailoverStateMachine} and writes only the RegionFailover's status;
 * it reaches a protection only through its {@link dev.regionguard.controller.failover.FailoverPort}. Also here: what
 * the protection side needs of RegionFailovers ({@link dev.regionguard.controller.failover.CommittedFailovers},
 * {@link dev.regionguard.controller.failover.AutomaticFailoverRequest}) and the test seam {@code FailoverHooks}.
 * May import the pure packages, api, telemetry, controller.status, JOSDK and Fabric8, never a service package; wired
 * by the composition root.
 */
package dev.regionguard.controller.failover;
