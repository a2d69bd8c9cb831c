package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Global load balancers of a zone: what a create or a full replace (PUT) stores. IBM's CLI docs
 * require {@code name} (a host name in the zone), {@code fallback_pool} and {@code default_pools};
 * every pool id must exist. Other defaults are Cloudflare's.
 */
final class CisLoadBalancers {

    private CisLoadBalancers() {}

    /** The stored fields of a load balancer of zone {@code zoneName} written with {@code body}. */
    static ObjectNode spec(ObjectNode body, String zoneName, Predicate<String> poolExists) {
        String name = Json.requiredText(body, "name").toLowerCase(Locale.ROOT);
        if (!name.equals(zoneName) && !name.endsWith("." + zoneName)) {
            throw ApiException.badRequest("Field 'name' must be a host name in zone " + zoneName + ": '" + name + "'");
        }
        String fallback = Json.requiredText(body, "fallback_pool");
        requirePool(poolExists, fallback, "fallback_pool");
        ArrayNode defaults = CisFields.requiredStrings(body, "default_pools");
        defaults.forEach(pool -> requirePool(poolExists, pool.textValue(), "default_pools"));
        ObjectNode spec = Json.object();
        spec.put("description", CisFields.text(body, "description", ""));
        spec.put("name", name);
        spec.put("ttl", CisFields.number(body, "ttl", 30, 1, 86400));
        spec.put("fallback_pool", fallback);
        spec.set("default_pools", defaults);
        spec.set("region_pools", poolMap(body, "region_pools", poolExists));
        spec.set("pop_pools", poolMap(body, "pop_pools", poolExists));
        spec.put("proxied", CisFields.bool(body, "proxied", false));
        spec.put("enabled", CisFields.bool(body, "enabled", true));
        spec.put("session_affinity", CisFields.oneOf(body, "session_affinity", "none", "none", "cookie", "ip_cookie"));
        spec.put(
                "steering_policy",
                CisFields.oneOf(body, "steering_policy", "off", "off", "geo", "random", "dynamic_latency"));
        return spec;
    }

    /** {@code region_pools} / {@code pop_pools}: a code to pool ids in failover order. */
    private static ObjectNode poolMap(ObjectNode body, String field, Predicate<String> poolExists) {
        ObjectNode map = Json.objectField(body, field);
        ObjectNode copy = Json.object();
        if (map == null) {
            return copy;
        }
        map.properties().forEach(entry -> {
            if (!entry.getValue().isArray()) {
                throw ApiException.badRequest("Field '" + field + "." + entry.getKey() + "' must be an array");
            }
            ArrayNode pools = CisFields.strings((ArrayNode) entry.getValue(), field + "." + entry.getKey());
            pools.forEach(pool -> requirePool(poolExists, pool.textValue(), field));
            copy.set(entry.getKey(), pools);
        });
        return copy;
    }

    private static void requirePool(Predicate<String> poolExists, String poolId, String field) {
        if (!poolExists.test(poolId)) {
            throw ApiException.badRequest("Field '" + field + "': no pool with id '" + poolId + "'");
        }
    }
}
