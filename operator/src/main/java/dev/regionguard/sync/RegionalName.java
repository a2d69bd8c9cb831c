package dev.regionguard.sync;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One regional reference (a registry host, a secret name, a Code Engine project) as each region of
 * a protection has it. Whichever region is active, a copy into a region rewrites every other
 * region's value to that region's own, so a sync back to the primary's region after a failover
 * restores the primary's references instead of leaving it pointing at the standby's. A region with
 * no value of its own gets no rewrite: the reference stays as it is, for the audit to report.
 *
 * @param byRegion region to the value it has
 */
public record RegionalName(Map<String, String> byRegion) {
    public RegionalName {
        byRegion = Map.copyOf(new TreeMap<>(byRegion));
    }

    /**
     * Groups declared overrides by the primary's value.
     *
     * @param primaryRegion the protection's primary region, whose values are the "from" sides
     * @param declared standby region to its declared table, the primary's value to the standby's
     */
    public static List<RegionalName> of(String primaryRegion, Map<String, Map<String, String>> declared) {
        Map<String, Map<String, String>> byPrimaryValue = new TreeMap<>();
        declared.forEach((region, table) -> table.forEach((from, to) -> byPrimaryValue
                .computeIfAbsent(from, f -> new TreeMap<>(Map.of(primaryRegion, f)))
                .put(region, to)));
        return byPrimaryValue.values().stream().map(RegionalName::new).toList();
    }

    /** "From" to "to" for a copy into {@code region}: every other region's value to that region's. */
    public static Map<String, String> table(Collection<RegionalName> names, String region) {
        Map<String, String> table = new LinkedHashMap<>();
        for (RegionalName name : names) {
            String own = name.byRegion.get(region);
            if (own != null) {
                name.byRegion.values().stream()
                        .filter(value -> !value.equals(own))
                        .forEach(value -> table.putIfAbsent(value, own));
            }
        }
        return table;
    }
}
