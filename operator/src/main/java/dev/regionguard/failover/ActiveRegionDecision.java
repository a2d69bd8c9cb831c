package dev.regionguard.failover;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether a protection may act on the region its spec, status and RegionFailovers call active, given
 * its ledger (the durable record). The newer of the two wins when they name the same active region;
 * when they name different ones, nothing is written until the on-call engineer decides with the
 * {@link #ANNOTATION} annotation, since a stale manifest and a deliberate change look the same here.
 */
public sealed interface ActiveRegionDecision {

    /** Owner-set annotation {@code REGION@EPOCH}: REGION becomes active at EPOCH+1 if EPOCH is the ledger's. */
    String ANNOTATION = "regionguard.dev/active-region";

    String REASON = "ActiveRegionConflict";

    /** Act on {@code topology}; {@code record} is what the ledger must hold (write it when it differs). */
    record Proceed(RegionTopology topology, ActiveRegionRecord record) implements ActiveRegionDecision {}

    /** Hold every write; {@code message} names both sides and the way out. */
    record Conflict(String message) implements ActiveRegionDecision {}

    /**
     * @param ledger    null before the first pass wrote one
     * @param topology  from the spec, the status and the committed RegionFailovers
     * @param sides     instance or project ID per region of the spec
     * @param confirmed regions whose fence a failover newer than the ledger applied
     * @param decided   the {@link #ANNOTATION} value, or null
     */
    static ActiveRegionDecision decide(
            ActiveRegionRecord ledger,
            RegionTopology topology,
            Map<String, String> sides,
            Set<String> confirmed,
            String decided) {
        if (ledger == null) {
            Set<String> pending = new TreeSet<>(topology.fencedRegions());
            pending.removeAll(confirmed);
            return new Proceed(topology, ActiveRegionRecord.of(topology, pending, sides));
        }
        for (Map.Entry<String, String> side : sides.entrySet()) {
            String recorded = ledger.sides().get(side.getKey());
            if (recorded != null && !recorded.equals(side.getValue())) {
                return resolve(
                        ledger,
                        topology,
                        sides,
                        decided,
                        String.format(
                                "the ledger records %s in %s, the spec names %s; nothing is synced, fenced or"
                                        + " failed over until you annotate %s=REGION@%d",
                                recorded, side.getKey(), side.getValue(), ANNOTATION, ledger.epoch()));
            }
        }
        if (topology.epoch() > ledger.epoch()) { // a commit the ledger has not seen yet
            Set<String> pending = new TreeSet<>(ledger.pendingFences());
            Set<String> fencedNow = new TreeSet<>(topology.fencedRegions());
            fencedNow.removeAll(ledger.fencedRegions());
            pending.addAll(fencedNow);
            pending.removeAll(confirmed);
            return new Proceed(topology, ActiveRegionRecord.of(topology, pending, merged(ledger, sides)));
        }
        boolean sameActive = topology.activeRegion().equals(ledger.activeRegion())
                && topology.regions().contains(ledger.activeRegion());
        if (sameActive) { // the ledger is as new or newer: its epoch and fences hold
            return adopt(ledger, topology, sides);
        }
        return resolve(
                ledger,
                topology,
                sides,
                decided,
                String.format(
                        "the ledger says %s is active at epoch %d, the spec and RegionFailovers say %s at epoch %d; "
                                + "nothing is synced, fenced or failed over until you annotate %s=REGION@%d",
                        ledger.activeRegion(),
                        ledger.epoch(),
                        topology.activeRegion(),
                        topology.epoch(),
                        ANNOTATION,
                        ledger.epoch()));
    }

    /** The engineer's decision, when there is one for this ledger; else the conflict. */
    private static ActiveRegionDecision resolve(
            ActiveRegionRecord ledger,
            RegionTopology topology,
            Map<String, String> sides,
            String decided,
            String conflict) {
        Resolution resolution = Resolution.parse(decided);
        if (resolution == null) {
            return new Conflict(decided == null ? conflict : conflict + " (" + decided + " is not REGION@EPOCH)");
        }
        if (!topology.regions().contains(resolution.region())) {
            return new Conflict(conflict + " (" + resolution.region() + " is not a region of the spec)");
        }
        if (resolution.region().equals(ledger.activeRegion()) && resolution.epoch() + 1 == ledger.epoch()) {
            // this decision was written already (the status may not show it yet): the ledger holds
            return adopt(ledger, topology, sides);
        }
        if (resolution.epoch() != ledger.epoch()) {
            return new Conflict(
                    conflict + " (" + decided + " is stale: the ledger is at epoch " + ledger.epoch() + ")");
        }
        Set<String> fenced = new TreeSet<>(ledger.fencedRegions());
        fenced.remove(resolution.region());
        ActiveRegionRecord record = new ActiveRegionRecord(
                resolution.region(),
                ledger.epoch() + 1,
                new TreeSet<>(fenced),
                ledger.pendingFences(),
                merged(ledger, sides));
        return new Proceed(record.topologyOf(topology), record);
    }

    /** The ledger holds: its active region, epoch and fences, with the spec's sides. */
    private static Proceed adopt(ActiveRegionRecord ledger, RegionTopology topology, Map<String, String> sides) {
        ActiveRegionRecord record = new ActiveRegionRecord(
                ledger.activeRegion(),
                ledger.epoch(),
                ledger.fencedRegions(),
                ledger.pendingFences(),
                merged(ledger, sides));
        return new Proceed(record.topologyOf(topology), record);
    }

    private static SortedMap<String, String> merged(ActiveRegionRecord ledger, Map<String, String> sides) {
        SortedMap<String, String> all = new TreeMap<>(ledger.sides());
        all.putAll(sides);
        return all;
    }

    /** The on-call engineer's decision, {@code REGION@EPOCH}. */
    record Resolution(String region, long epoch) {
        static Resolution parse(String value) {
            if (value == null) {
                return null;
            }
            int at = value.trim().lastIndexOf('@');
            if (at <= 0) {
                return null;
            }
            try {
                String region = value.trim().substring(0, at);
                long epoch = Long.parseLong(value.trim().substring(at + 1));
                return epoch < 0 || Objects.equals(region, "") ? null : new Resolution(region, epoch);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
