package dev.regionguard.controller.protection;

import dev.regionguard.api.RegionFailover;
import dev.regionguard.failover.ActiveRegionRecord;
import dev.regionguard.failover.RegionTopology;
import dev.regionguard.spec.Blocked;
import dev.regionguard.spec.ProtectionSettings;
import java.util.List;

/**
 * What a pass sees before it acts: the parsed spec, the protection's RegionFailovers, the topology
 * they leave and the sides with their keys. {@code blocked} is set when no pass can run; the
 * topology may still be known then (e.g. a Secret is missing), the sides are not. {@code ledger} is
 * the durable record the topology was checked against (null until checked).
 */
record Observation(
        ProtectionSettings settings,
        List<RegionFailover> failovers,
        RegionTopology topology,
        Sides sides,
        Blocked blocked,
        ActiveRegionRecord ledger) {

    Observation(
            ProtectionSettings settings,
            List<RegionFailover> failovers,
            RegionTopology topology,
            Sides sides,
            Blocked blocked) {
        this(settings, failovers, topology, sides, blocked, null);
    }
}
