package dev.regionguard.health;

import dev.regionguard.api.HealthState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Region health across all protections, so that a regional outage is announced once ("us-south is
 * down") rather than once per protection. Each protection reports the states it sees; {@link
 * #announcements()} returns the regions that went down or came back since the previous call.
 * Thread-safe: reconcilers of many protections report concurrently.
 *
 * <pre>
 * announced \ region now   Unhealthy      Healthy        Unknown
 * (not down)               announce down  -              -
 * down                     -              announce up    - (still down as far as we know)
 * </pre>
 * Regions are never announced Healthy unless they were announced down first, so a starting
 * operator does not announce every region.
 */
public final class RegionHealthBoard {
    private final Map<String, Map<String, HealthState>> byProtection = new HashMap<>();
    private final TreeSet<String> announcedDown = new TreeSet<>();

    /** Replaces what one protection sees; regions it no longer names are dropped. Key: kind/namespace/name. */
    public synchronized void update(String protection, Map<String, HealthState> regions) {
        if (regions.isEmpty()) {
            byProtection.remove(protection);
        } else {
            byProtection.put(protection, Map.copyOf(regions));
        }
    }

    /** A deleted protection. */
    public synchronized void forget(String protection) {
        byProtection.remove(protection);
    }

    /** Every region some protection probes, sorted by region. */
    public synchronized List<RegionSummary> summaries() {
        Map<String, List<String>> unhealthy = new TreeMap<>();
        Map<String, Integer> healthy = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        byProtection.forEach((protection, regions) -> regions.forEach((region, state) -> {
            unhealthy.computeIfAbsent(region, r -> new ArrayList<>());
            total.merge(region, 1, Integer::sum);
            if (state == HealthState.Unhealthy) {
                unhealthy.get(region).add(protection);
            } else if (state == HealthState.Healthy) {
                healthy.merge(region, 1, Integer::sum);
            }
        }));
        List<RegionSummary> summaries = new ArrayList<>();
        unhealthy.forEach((region, protections) -> {
            protections.sort(null);
            HealthState state = !protections.isEmpty()
                    ? HealthState.Unhealthy
                    : healthy.getOrDefault(region, 0) > 0 ? HealthState.Healthy : HealthState.Unknown;
            summaries.add(new RegionSummary(region, state, protections, total.get(region)));
        });
        return summaries;
    }

    /** Regions that went Unhealthy, or Healthy again after being announced Unhealthy, since the last call. */
    public synchronized List<RegionSummary> announcements() {
        List<RegionSummary> changes = new ArrayList<>();
        TreeSet<String> present = new TreeSet<>();
        for (RegionSummary summary : summaries()) {
            present.add(summary.region());
            if (summary.state() == HealthState.Unhealthy && announcedDown.add(summary.region())) {
                changes.add(summary);
            } else if (summary.state() == HealthState.Healthy && announcedDown.remove(summary.region())) {
                changes.add(summary);
            }
        }
        announcedDown.retainAll(present); // no protection probes it any more: nothing left to announce
        return changes;
    }
}
