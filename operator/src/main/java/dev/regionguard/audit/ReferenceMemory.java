package dev.regionguard.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The references found on each standby, per entity, across passes: a pass reads in full only what
 * may have changed, so an entity it skipped keeps what an earlier pass found in it, and an entity
 * the standby no longer holds drops out. Lost on restart, like the watermarks: the first pass then
 * reads everything again.
 */
public final class ReferenceMemory {
    private static final Comparator<RegionReference> ORDER = Comparator.comparing(RegionReference::kind)
            .thenComparing(RegionReference::name)
            .thenComparing(RegionReference::field)
            .thenComparing(RegionReference::value);

    /** standby region, then entity kind, then entity key. */
    private final Map<String, Map<String, Map<String, List<RegionReference>>>> byStandby = new HashMap<>();

    /**
     * After a pass that reached the standby.
     *
     * @param scanned what this pass found in each entity it saw in full, by kind and key
     * @param present the keys the standby holds at the end of the pass, by kind (kinds not listed
     *                keep what they had)
     */
    public synchronized void update(
            String standby, Map<String, Map<String, List<RegionReference>>> scanned, Map<String, Set<String>> present) {
        Map<String, Map<String, List<RegionReference>>> kinds =
                byStandby.computeIfAbsent(standby, s -> new TreeMap<>());
        scanned.forEach((kind, byKey) ->
                kinds.computeIfAbsent(kind, k -> new TreeMap<>()).putAll(byKey));
        present.forEach((kind, keys) -> {
            Map<String, List<RegionReference>> known = kinds.get(kind);
            if (known != null) {
                known.keySet().retainAll(keys);
            }
        });
    }

    /** True once a pass reached the standby. */
    public synchronized boolean audited(String standby) {
        return byStandby.containsKey(standby);
    }

    /** Every reference known on the standby, sorted by kind, entity, field and value. */
    public synchronized List<RegionReference> references(String standby) {
        List<RegionReference> all = new ArrayList<>();
        byStandby
                .getOrDefault(standby, Map.of())
                .values()
                .forEach(byKey -> byKey.values().forEach(all::addAll));
        all.sort(ORDER);
        return all;
    }

    /** Standbys no longer in the protection are forgotten. */
    public synchronized void retain(Set<String> standbys) {
        byStandby.keySet().retainAll(standbys);
    }
}
