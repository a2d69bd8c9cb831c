/**
 * Region health from probe outcomes: {@link dev.regionguard.health.RegionHealth} per region and protection,
 * {@link dev.regionguard.health.RegionHealthBoard} across protections (one announcement per outage) and
 * {@link dev.regionguard.health.RegionStatuses} for status.regions. Pure: no I/O and no clock, callers pass the
 * outcomes and {@code now}. Imports {@code api}, {@code spec} and {@code cloud} only. The probes themselves run in
 * {@code controller.protection}; used there, in {@code controller.failover}, {@code failover} and {@code operator}.
 */
package dev.regionguard.health;
