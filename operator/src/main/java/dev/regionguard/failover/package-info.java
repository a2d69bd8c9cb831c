/**
 * Failover decisions: standby readiness, target selection, validation and planning, the automatic failover policy,
 * and the RegionFailover state machine ({@link dev.regionguard.failover.FailoverStateMachine}: what to record,
 * perform or finish next, decided from the recorded status alone). Pure: no I/O and no clock, callers pass what they
 * read and {@code now}. Imports {@code api}, {@code health} and {@code spec} only. The JOSDK reconciler that drives
 * the machine and performs its steps, with FailoverPort, CommittedFailovers, FailoverRequests,
 * AutomaticFailoverRequest and FailoverHooks, lives in {@code dev.regionguard.controller.failover}.
 */
package dev.regionguard.failover;
