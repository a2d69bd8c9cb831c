package dev.regionguard.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EdgeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a CIS global load balancer steers a protection's custom domain as a failover needs it:
 * every protected region has its pool, whose origin is that region's CNAME target, probed by a
 * health check that sends the custom domain as Host; the active region's pool is first (a fenced
 * region's may be disabled, nothing else). What it finds becomes {@code status.edge} and the
 * EdgeConfigured condition.
 */
public final class EdgeConfiguration {
    public static final String CONFIGURED = "Configured";
    public static final String DRIFT = "Drift";
    public static final String UNREACHABLE = "CisUnreachable";

    /** What CIS holds: the load balancer (null when missing), the pools and health checks it was read with. */
    public record Seen(ObjectNode loadBalancer, Map<String, ObjectNode> pools, Map<String, ObjectNode> monitors) {}

    /** What the protection expects: each region's pool, each region's CNAME target for the domain. */
    public record Expected(
            String domain,
            Map<String, String> poolByRegion,
            Map<String, String> cnameTargetByRegion,
            String activeRegion,
            Set<String> fencedRegions) {}

    public record Verdict(EdgeStatus status, List<String> findings) {
        public Condition condition() {
            if (findings.isEmpty()) {
                return Conditions.of(
                        Conditions.EDGE_CONFIGURED,
                        true,
                        CONFIGURED,
                        status.loadBalancer + " sends traffic to " + status.servingRegion + " (first: "
                                + status.firstRegion + ")");
            }
            return Conditions.of(Conditions.EDGE_CONFIGURED, false, DRIFT, String.join("; ", findings));
        }
    }

    private EdgeConfiguration() {}

    public static Verdict check(Seen seen, Expected expected) {
        EdgeStatus status = new EdgeStatus();
        status.loadBalancer = expected.domain();
        List<String> findings = new ArrayList<>();
        if (seen.loadBalancer() == null) {
            findings.add("no load balancer " + expected.domain() + " in the zone");
        }
        List<String> order = seen.loadBalancer() == null ? List.of() : defaultPools(seen.loadBalancer());
        if (seen.loadBalancer() != null) {
            String policy = seen.loadBalancer().path("steering_policy").asText("off");
            if (!policy.isEmpty() && !policy.equals("off")) {
                findings.add("steering_policy is " + policy + ", not off: default_pools order does not decide");
            }
        }
        expected.poolByRegion().forEach((region, poolId) -> {
            ObjectNode pool = seen.pools().get(poolId);
            status.pools.add(poolStatus(region, poolId, pool, order));
            findings.addAll(EdgePoolCheck.findings(
                    region, poolId, pool, seen.monitors(), expected, seen.loadBalancer() == null ? null : order));
        });
        String active = expected.poolByRegion().get(expected.activeRegion());
        status.firstRegion = order.isEmpty() ? null : regionOf(order.get(0), expected);
        status.servingRegion = serving(order, seen, expected);
        if (active != null && !order.isEmpty() && !order.get(0).equals(active)) {
            findings.add("traffic goes to " + status.firstRegion + " first, not to the active region "
                    + expected.activeRegion());
        }
        return new Verdict(status, findings);
    }

    private static EdgeStatus.EdgePoolStatus poolStatus(
            String region, String poolId, ObjectNode pool, List<String> order) {
        EdgeStatus.EdgePoolStatus entry = new EdgeStatus.EdgePoolStatus();
        entry.region = region;
        entry.poolId = poolId;
        int place = order.indexOf(poolId);
        entry.order = place < 0 ? null : place + 1;
        if (pool != null) {
            entry.name = pool.path("name").asText(null);
            entry.enabled = pool.path("enabled").asBoolean(true);
            entry.healthy = pool.has("healthy") ? pool.path("healthy").asBoolean() : null;
            int healthy = 0;
            for (JsonNode origin : pool.path("origins")) {
                healthy += origin.path("healthy").asBoolean(false) ? 1 : 0;
            }
            entry.healthyOrigins = healthy + "/" + pool.path("origins").size();
        }
        return entry;
    }

    /** The first enabled, healthy pool of default_pools, as CIS picks it; null when none is. */
    private static String serving(List<String> order, Seen seen, Expected expected) {
        for (String poolId : order) {
            ObjectNode pool = seen.pools().get(poolId);
            if (pool != null
                    && pool.path("enabled").asBoolean(true)
                    && pool.path("healthy").asBoolean(false)) {
                return regionOf(poolId, expected);
            }
        }
        return null;
    }

    private static String regionOf(String poolId, Expected expected) {
        return expected.poolByRegion().entrySet().stream()
                .filter(e -> e.getValue().equals(poolId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("pool " + poolId);
    }

    /** The load balancer's {@code default_pools}, in failover order. */
    public static List<String> defaultPools(ObjectNode loadBalancer) {
        List<String> ids = new ArrayList<>();
        loadBalancer.path("default_pools").forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
