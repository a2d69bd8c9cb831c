package dev.regionguard.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one region's origin pool lacks for the edge to steer the custom domain to that region. */
final class EdgePoolCheck {
    private EdgePoolCheck() {}

    /** @param order the load balancer's default_pools; null when there is no load balancer to check */
    static List<String> findings(
            String region,
            String poolId,
            ObjectNode pool,
            Map<String, ObjectNode> monitors,
            EdgeConfiguration.Expected expected,
            List<String> order) {
        List<String> findings = new ArrayList<>();
        String named = region + "'s pool " + poolId;
        if (pool == null) {
            findings.add(named + " does not exist");
            return findings;
        }
        if (order != null && !order.contains(poolId)) {
            findings.add(named + " is not in the load balancer's default_pools");
        }
        boolean fenced = expected.fencedRegions().contains(region);
        if (!pool.path("enabled").asBoolean(true) && !fenced) {
            findings.add(named + " is disabled");
        }
        String target = expected.cnameTargetByRegion().get(region);
        if (target == null) {
            if (fenced) { // a fence takes the domain off the old project: its target comes back with it
                return findings;
            }
            findings.add(expected.domain() + " is not mapped in " + region + "'s project yet: no CNAME target");
        } else if (!hasOrigin(pool, target)) {
            findings.add(named + " has no enabled origin at " + target);
        }
        String monitorId = pool.path("monitor").asText("");
        ObjectNode monitor = monitors.get(monitorId);
        if (monitorId.isEmpty() || monitor == null) {
            findings.add(named + " has no health check");
        } else if (!sendsHost(monitor, expected.domain()) && !originsSendHost(pool, target, expected.domain())) {
            findings.add(named + "'s health check does not send Host: " + expected.domain());
        }
        return findings;
    }

    private static boolean hasOrigin(ObjectNode pool, String address) {
        for (JsonNode origin : pool.path("origins")) {
            if (address.equals(origin.path("address").asText())
                    && origin.path("enabled").asBoolean(true)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sendsHost(JsonNode withHeader, String domain) {
        for (JsonNode host : withHeader.path("header").path("Host")) {
            if (domain.equals(host.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean originsSendHost(ObjectNode pool, String address, String domain) {
        for (JsonNode origin : pool.path("origins")) {
            if (origin.path("address").asText().equals(address) && sendsHost(origin, domain)) {
                return true;
            }
        }
        return false;
    }
}
