/**
 * What the operator tells people and Prometheus: {@link dev.regionguard.telemetry.EventRecorder} (core/v1 Events on
 * transitions, repeats dropped) and {@link dev.regionguard.telemetry.RegionGuardMetrics} (Micrometer; also the
 * {@code CallObserver} that counts IBM Cloud calls), and {@link dev.regionguard.telemetry.LogContext} (the protection
 * a log line is about, in the MDC, pool threads included). Imports {@code api}, {@code cloud.http}, Fabric8,
 * Micrometer and SLF4J. Used by the reconcilers in {@code controller.*}; created in {@code operator}.
 */
package dev.regionguard.telemetry;
