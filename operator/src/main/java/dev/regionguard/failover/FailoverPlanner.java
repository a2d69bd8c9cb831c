package dev.regionguard.failover;

import dev.regionguard.api.FailoverPlan;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.RegionRole;
import java.util.List;
import java.util.Map;

/** What a validated failover will change, as short lines per region and object, in execution order. */
final class FailoverPlanner {
    private FailoverPlanner() {}

    /** The topology after the switch: what Promoting writes into the protection's status. */
    static RegionTopology after(FailoverType type, RegionTopology before, String target) {
        return type == FailoverType.Relocate ? before.afterRelocate(target) : before.afterFailover(target);
    }

    static FailoverPlan plan(FailoverType executed, ProtectionView view, String from, String to) {
        if (executed == FailoverType.Drill) {
            FailoverPlan plan = plan(FailoverType.Failover, view, from, to);
            plan.type = FailoverType.Drill;
            plan.actions.add(
                    0,
                    "drill: " + to + " is proven with spec.verification's checks; nothing below is done, it is"
                            + " what a Failover would do");
            return plan;
        }
        RegionTopology before = view.topology();
        RegionTopology after = after(executed, before, to);
        FailoverPlan plan = new FailoverPlan();
        plan.type = executed;
        plan.fromRegion = from;
        plan.toRegion = to;
        plan.epoch = after.epoch();
        plan.endpointConfigMap = view.endpointConfigMap();
        plan.endpoint = view.endpoint(to).orElse(null);
        view.vantagePoints().forEach(v -> plan.vantagePoints.add(v.copy())); // the evidence at validation
        plan.expectedSteps = StepEstimates.expected(executed, view.history(), to);
        List<String> actions = plan.actions;
        if (executed == FailoverType.Relocate) {
            actions.add(to + ": final sync from " + from + "; must succeed before anything switches");
            actions.add(from + ": fence during the switch (best effort)");
        } else {
            actions.add(from + ": fence (best effort; skipped when it does not answer); no longer a sync source");
        }
        actions.add(to + ": becomes the active region at epoch " + after.epoch());
        Map<String, RegionRole> rolesBefore = before.roles();
        after.roles().forEach((region, role) -> {
            if (region.equals(to) || region.equals(from) && role == RegionRole.Fenced) {
                return; // said above
            }
            RegionRole was = rolesBefore.get(region);
            if (role == RegionRole.Standby) {
                actions.add(region + ": " + (was == RegionRole.Fenced ? "no longer fenced; " : "")
                        + (region.equals(from) ? "standby again; " : "") + "synced from " + to);
            } else if (role == RegionRole.Fenced) {
                actions.add(region + ": stays fenced");
            }
        });
        if (plan.endpointConfigMap != null) {
            actions.add("ConfigMap " + plan.endpointConfigMap + ": publish " + to
                    + (plan.endpoint == null ? "" : " (" + plan.endpoint + ")"));
        }
        if (view.kind() == ProtectionKind.CodeEngineProtection) {
            actions.add(to + ": restore app scaling and move domain mappings");
        }
        actions.add(to + ": verify that it answers");
        return plan;
    }
}
