package dev.regionguard.failover;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The durable record of a protection's active region (its ledger), kept outside the protection so it
 * survives the protection being deleted and re-created.
 *
 * @param activeRegion  the region that serves and is the sync source
 * @param epoch         raised by one with every committed switch
 * @param fencedRegions former active regions taken out of service
 * @param pendingFences fenced regions whose fence could not be applied yet (they did not answer)
 * @param sides         instance (EN) or project (CE) ID per region, to tell a different protection apart
 */
public record ActiveRegionRecord(
        String activeRegion,
        long epoch,
        SortedSet<String> fencedRegions,
        SortedSet<String> pendingFences,
        SortedMap<String, String> sides) {

    public ActiveRegionRecord {
        fencedRegions = new TreeSet<>(fencedRegions);
        pendingFences = new TreeSet<>(pendingFences);
        pendingFences.retainAll(fencedRegions); // only a fenced region can wait for its fence
        sides = new TreeMap<>(sides);
    }

    /** What a topology says, with the given fences still to apply. */
    public static ActiveRegionRecord of(RegionTopology topology, Set<String> pending, Map<String, String> sides) {
        return new ActiveRegionRecord(
                topology.activeRegion(),
                topology.epoch(),
                new TreeSet<>(topology.fencedRegions()),
                new TreeSet<>(pending),
                new TreeMap<>(sides));
    }

    /** The spec's regions with this record's active region, epoch and fences. */
    public RegionTopology topologyOf(RegionTopology spec) {
        Set<String> fenced = new TreeSet<>(fencedRegions);
        fenced.retainAll(spec.regions());
        fenced.remove(activeRegion);
        return new RegionTopology(spec.primaryRegion(), spec.standbyRegions(), activeRegion, epoch, fenced);
    }

    /** The same record once the fence of {@code region} is applied. */
    public ActiveRegionRecord fenceApplied(String region) {
        SortedSet<String> pending = new TreeSet<>(pendingFences);
        pending.remove(region);
        return new ActiveRegionRecord(activeRegion, epoch, fencedRegions, pending, sides);
    }
}
