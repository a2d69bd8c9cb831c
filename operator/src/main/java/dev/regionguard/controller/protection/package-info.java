/**
 * The protection reconcilers, whatever the service: {@link dev.regionguard.controller.protection.ProtectionReconciler}
 * orchestrates a pass (observe, probe, decide, act, report) through {@code ProtectionObserver}, {@code RegionProber},
 * {@code AutomaticFailover}, {@code ProtectionStatusBuilder} (the one place that assembles status) and
 * {@link dev.regionguard.controller.protection.SyncReporter}; {@link dev.regionguard.controller.protection.ProtectionFailoverPort}
 * answers a RegionFailover. Services plug in through {@link dev.regionguard.controller.protection.ProtectedService} and
 * {@link dev.regionguard.controller.protection.FailoverActions}. May import the pure packages, api, cloud, telemetry,
 * controller.failover, controller.status, JOSDK and Fabric8, never a service package; the service reconcilers extend it and the
 * composition root wires it.
 */
package dev.regionguard.controller.protection;
