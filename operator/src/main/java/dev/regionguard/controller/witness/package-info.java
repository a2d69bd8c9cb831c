/**
 * RegionGuard as a witness: a vantage point outside the controlling cluster that probes the regions of
 * the protections naming it in {@code spec.failover.quorum.witnesses} and reports each view as a
 * {@code RegionObservation} in the controlling cluster. A witness never syncs, never fails over and
 * never writes a protection; it needs read access to the protections, write access to its own
 * observations and a read-only IBM Cloud API key.
 */
package dev.regionguard.controller.witness;
