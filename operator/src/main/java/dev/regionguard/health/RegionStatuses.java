package dev.regionguard.health;

import dev.regionguard.api.RegionRole;
import dev.regionguard.api.RegionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A protection's status.regions, rewritten only where a region's health state or role changed, so
 * that probes that change nothing change nothing in status (Argo CD refreshes on every status write).
 */
public final class RegionStatuses {
    private RegionStatuses() {}

    /** The new list and whether it differs from the previous one (then, and only then, write status). */
    public record Update(List<RegionStatus> regions, boolean changed) {}

    /**
     * @param previous status.regions as stored (may be null)
     * @param roles    every region of the protection with its role, primary first then standbys in spec order
     * @param health   the live health per region; a region without one is Unknown since now
     */
    public static Update update(
            List<RegionStatus> previous, Map<String, RegionRole> roles, Map<String, RegionHealth> health, Instant now) {
        List<RegionStatus> old = previous == null ? List.of() : previous;
        List<RegionStatus> next = new ArrayList<>(roles.size());
        boolean changed = old.size() != roles.size();
        int index = 0;
        for (Map.Entry<String, RegionRole> role : roles.entrySet()) {
            RegionHealth current = health.getOrDefault(role.getKey(), RegionHealth.unknown(now));
            RegionStatus kept = index < old.size() ? old.get(index) : null;
            if (kept != null
                    && role.getKey().equals(kept.region)
                    && role.getValue() == kept.role
                    && current.state() == kept.state) {
                next.add(kept); // counters and latency as of the last transition: no churn
            } else {
                next.add(current.toStatus(role.getKey(), role.getValue()));
                changed = true;
            }
            index++;
        }
        return new Update(next, changed);
    }
}
