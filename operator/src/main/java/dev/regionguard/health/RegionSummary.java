package dev.regionguard.health;

import dev.regionguard.api.HealthState;
import java.util.List;

/**
 * One region across all protections: Unhealthy when any protection sees it Unhealthy, else Healthy
 * when any sees it Healthy, else Unknown.
 *
 * @param unhealthyFor the protections that see it Unhealthy, sorted
 * @param protections  how many protections probe it
 */
public record RegionSummary(String region, HealthState state, List<String> unhealthyFor, int protections) {
    public RegionSummary {
        unhealthyFor = List.copyOf(unhealthyFor);
    }

    /** One line for an Event or log, e.g. "us-south is Unhealthy for 3 of 40 protections: a, b, c". */
    public String describe() {
        if (state != HealthState.Unhealthy) {
            return region + " is " + state + " for all " + protections + " protections that probe it";
        }
        return region + " is Unhealthy for " + unhealthyFor.size() + " of " + protections + " protections: "
                + String.join(", ", unhealthyFor.size() <= 5 ? unhealthyFor : unhealthyFor.subList(0, 5))
                + (unhealthyFor.size() > 5 ? ", ..." : "");
    }
}
