/**
 * An independent implementation of IBM Cloud's wire formats on 127.0.0.1: IAM's token endpoint, the Event
 * Notifications admin API v1 and the Code Engine API v2, for several regions at once. Each region's faults
 * (outage modes, latency, error rate, throttling) are injected through {@link dev.regionguard.simulator.FaultControls}
 * or the HTTP control API under {@code /_sim}; {@link dev.regionguard.simulator.IbmCloudSimulator} is the entry point.
 *
 * <p>It shares no class with the operator, and Maven makes that a compile-time fact: this module depends on no
 * RegionGuard module, so a mistake in the operator's clients cannot be copied into the server they are tested
 * against. Where IBM's documentation and SDKs disagree or say nothing, the class that models the behaviour writes
 * its choice down (and marks guesses as unverified).
 */
package dev.regionguard.simulator;
