package dev.regionguard.failover;

import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which region of a protection is active, which are fenced, and the epoch of that assignment.
 * Every region is exactly one of Primary (the active region), Standby or Fenced.
 *
 * @param primaryRegion  spec.primary's region: the original primary
 * @param standbyRegions spec.standbys' regions, in spec order
 * @param fencedRegions  sorted, never containing the active region
 */
public record RegionTopology(
        String primaryRegion, List<String> standbyRegions, String activeRegion, long epoch, Set<String> fencedRegions) {

    public RegionTopology {
        standbyRegions = List.copyOf(standbyRegions);
        fencedRegions = new TreeSet<>(fencedRegions);
        if (!regionsOf(primaryRegion, standbyRegions).contains(activeRegion)) {
            throw new IllegalArgumentException("active region " + activeRegion + " is not a region of the protection");
        }
        if (fencedRegions.contains(activeRegion)) {
            throw new IllegalArgumentException("active region " + activeRegion + " cannot be fenced");
        }
        fencedRegions = Collections.unmodifiableSortedSet((TreeSet<String>) fencedRegions);
    }

    /** From the spec's regions and the status; before the first failover the primary is active at epoch 0. */
    public static RegionTopology of(String primaryRegion, List<String> standbyRegions, ProtectionStatus status) {
        String active = status == null || status.activeRegion == null ? primaryRegion : status.activeRegion;
        long epoch = status == null || status.epoch == null ? 0 : status.epoch;
        Set<String> fenced =
                new TreeSet<>(status == null || status.fencedRegions == null ? List.of() : status.fencedRegions);
        fenced.retainAll(regionsOf(primaryRegion, standbyRegions)); // a region removed from spec is gone, not fenced
        return new RegionTopology(primaryRegion, standbyRegions, active, epoch, fenced);
    }

    /** Primary first, then standbys in spec order. */
    public List<String> regions() {
        return new ArrayList<>(regionsOf(primaryRegion, standbyRegions));
    }

    /** Every region other than the active one, in spec order. */
    public List<String> otherRegions() {
        return regions().stream().filter(r -> !r.equals(activeRegion)).toList();
    }

    /** The regions that receive sync from the active region. */
    public List<String> syncTargets() {
        return otherRegions().stream().filter(r -> !fencedRegions.contains(r)).toList();
    }

    public Map<String, RegionRole> roles() {
        Map<String, RegionRole> roles = new LinkedHashMap<>();
        for (String region : regions()) {
            roles.put(
                    region,
                    region.equals(activeRegion)
                            ? RegionRole.Primary
                            : fencedRegions.contains(region) ? RegionRole.Fenced : RegionRole.Standby);
        }
        return roles;
    }

    /** After a failover to target: the old active region is fenced. */
    public RegionTopology afterFailover(String target) {
        Set<String> fenced = new TreeSet<>(fencedRegions);
        fenced.add(activeRegion);
        fenced.remove(target);
        return new RegionTopology(primaryRegion, standbyRegions, target, epoch + 1, fenced);
    }

    /**
     * After a relocation to target: the old active region becomes a standby. Relocating to the
     * original primary restores the original topology, so every fenced region is a standby again.
     */
    public RegionTopology afterRelocate(String target) {
        Set<String> fenced = new TreeSet<>(fencedRegions);
        fenced.remove(target);
        if (target.equals(primaryRegion)) {
            fenced.clear();
        }
        return new RegionTopology(primaryRegion, standbyRegions, target, epoch + 1, fenced);
    }

    private static Set<String> regionsOf(String primary, List<String> standbys) {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(primary);
        regions.addAll(standbys);
        return regions;
    }
}
