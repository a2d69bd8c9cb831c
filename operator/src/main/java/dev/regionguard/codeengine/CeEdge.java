package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.DomainMappingRecord;
import dev.regionguard.api.EdgeSpec;
import dev.regionguard.api.EdgeStatus;
import dev.regionguard.api.HealthState;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.edge.CisBodies;
import dev.regionguard.edge.CisClient;
import dev.regionguard.edge.CisClients;
import dev.regionguard.health.EdgeConfiguration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A protection's CIS load balancer: read for status (what {@link EdgeConfiguration} finds), and
 * changed by a failover (a region's pool disabled or enabled, the new active region's pool first).
 * Every change is a full PUT of what CIS returned, read back to see that CIS kept it; CIS is
 * global, so this works while the region it steers away from does not answer.
 */
final class CeEdge {
    private final CisClients clients;

    CeEdge(CisClients clients) {
        this.clients = clients;
    }

    static Optional<EdgeSpec> of(CodeEngineProtection cep) {
        return Optional.ofNullable(cep.getSpec() == null ? null : cep.getSpec().edge);
    }

    EdgeConfiguration.Verdict check(
            EdgeSpec edge, ApiKey key, List<DomainMappingRecord> domains, String activeRegion, Set<String> fenced) {
        CisClient cis = clients.forInstance(edge.cisInstanceCrn, key);
        Map<String, String> poolByRegion = new LinkedHashMap<>();
        edge.pools.forEach(p -> poolByRegion.put(p.region, p.poolId));
        Map<String, String> targets = new HashMap<>();
        domains.stream()
                .filter(d -> edge.loadBalancer.equals(d.name) && d.cnameTarget != null)
                .forEach(d -> targets.put(d.region, d.cnameTarget));
        ObjectNode balancer = cis.zoneId(edge.zone)
                .flatMap(zone -> cis.loadBalancer(zone, edge.loadBalancer))
                .orElse(null);
        Map<String, ObjectNode> pools = new HashMap<>();
        Map<String, ObjectNode> monitors = new HashMap<>();
        for (String poolId : poolByRegion.values()) {
            ObjectNode pool = orNull(() -> cis.pool(poolId));
            if (pool != null) {
                pools.put(poolId, pool);
                String monitorId = pool.path("monitor").asText("");
                if (!monitorId.isEmpty() && !monitors.containsKey(monitorId)) {
                    ObjectNode monitor = orNull(() -> cis.monitor(monitorId));
                    if (monitor != null) {
                        monitors.put(monitorId, monitor);
                    }
                }
            }
        }
        return EdgeConfiguration.check(
                new EdgeConfiguration.Seen(balancer, pools, monitors),
                new EdgeConfiguration.Expected(edge.loadBalancer, poolByRegion, targets, activeRegion, fenced));
    }

    /**
     * CIS's view of each region, checked from its points of presence: Healthy when the region's pool
     * is enabled and CIS finds it healthy, Unhealthy otherwise (a pool CIS did not return included).
     */
    static Map<String, HealthState> health(EdgeStatus status) {
        Map<String, HealthState> regions = new TreeMap<>();
        for (EdgeStatus.EdgePoolStatus pool : status.pools) {
            boolean up = !Boolean.FALSE.equals(pool.enabled) && Boolean.TRUE.equals(pool.healthy);
            regions.put(pool.region, up ? HealthState.Healthy : HealthState.Unhealthy);
        }
        return regions;
    }

    /** Whether {@code region}'s pool takes traffic now; empty without a pool for it. */
    Optional<Boolean> enabled(EdgeSpec edge, String region, ApiKey key) {
        return poolId(edge, region)
                .map(id -> clients.forInstance(edge.cisInstanceCrn, key)
                        .pool(id)
                        .path("enabled")
                        .asBoolean(true));
    }

    /** Sets whether {@code region}'s pool takes traffic; returns what it did. */
    String setEnabled(EdgeSpec edge, String region, ApiKey key, boolean enabled) {
        String poolId = poolId(edge, region).orElse(null);
        if (poolId == null) {
            return "no pool for " + region + " at the edge";
        }
        CisClient cis = clients.forInstance(edge.cisInstanceCrn, key);
        ObjectNode pool = cis.pool(poolId);
        String what = (enabled ? "enabled" : "disabled") + " pool "
                + pool.path("name").asText(poolId) + " at the edge";
        if (pool.path("enabled").asBoolean(true) == enabled) {
            return what + " (already)";
        }
        cis.replacePool(poolId, CisBodies.poolEnabled(pool, enabled));
        if (cis.pool(poolId).path("enabled").asBoolean(true) != enabled) {
            throw new IllegalStateException(
                    "CIS did not keep pool " + poolId + " " + (enabled ? "enabled" : "disabled"));
        }
        return what;
    }

    /** Enables {@code region}'s pool and puts it first in the load balancer's default_pools. */
    String steerTo(EdgeSpec edge, String region, ApiKey key) {
        String poolId = poolId(edge, region).orElse(null);
        if (poolId == null) {
            return "no pool for " + region + " at the edge";
        }
        String enabled = setEnabled(edge, region, key, true);
        CisClient cis = clients.forInstance(edge.cisInstanceCrn, key);
        String zone =
                cis.zoneId(edge.zone).orElseThrow(() -> new IllegalStateException("CIS has no zone " + edge.zone));
        ObjectNode balancer = cis.loadBalancer(zone, edge.loadBalancer)
                .orElseThrow(() -> new IllegalStateException("CIS has no load balancer " + edge.loadBalancer));
        String id = balancer.path("id").asText();
        if (!first(balancer).equals(poolId)) {
            cis.replaceLoadBalancer(zone, id, CisBodies.loadBalancerFirst(balancer, poolId));
            ObjectNode after = cis.loadBalancer(zone, edge.loadBalancer).orElse(balancer);
            if (!first(after).equals(poolId)) {
                throw new IllegalStateException("CIS did not keep pool " + poolId + " first on " + edge.loadBalancer);
            }
        }
        return enabled + "; " + edge.loadBalancer + " sends traffic to " + region + " first";
    }

    private static String first(ObjectNode balancer) {
        List<String> order = EdgeConfiguration.defaultPools(balancer);
        return order.isEmpty() ? "" : order.get(0);
    }

    /** A read of an object the configuration may lack: a 404 is a finding, not a failure. */
    private static ObjectNode orNull(Supplier<ObjectNode> read) {
        try {
            return read.get();
        } catch (IbmApiException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static Optional<String> poolId(EdgeSpec edge, String region) {
        return edge.pools.stream()
                .filter(p -> region.equals(p.region))
                .map(p -> p.poolId)
                .findFirst();
    }
}
