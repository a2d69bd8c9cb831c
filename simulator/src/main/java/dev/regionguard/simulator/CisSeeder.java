package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The load balancing IBM's multi-region Code Engine tutorial sets up, written straight into an
 * instance: one https health check sending the custom domain as Host, one pool per region whose
 * origin is that region's CNAME target, and a proxied load balancer over the pools in the given
 * order (the first is where traffic goes while it is healthy).
 */
final class CisSeeder {
    private CisSeeder() {}

    /** @return each region's pool id, in the order given */
    static Map<String, String> seed(CisInstance instance, String zone, String hostname, Map<String, String> targets) {
        ObjectNode monitor = Json.object()
                .put("type", "https")
                .put("description", "health of " + hostname)
                .put("path", "/")
                .put("expected_codes", "2xx")
                .put("interval", 60)
                .put("retries", 2)
                .put("timeout", 5);
        monitor.putObject("header").putArray("Host").add(hostname);
        String monitorId = instance.writeMonitor(null, monitor).get("id").textValue();
        Map<String, String> pools = new LinkedHashMap<>();
        targets.forEach((region, address) -> {
            String name = hostname.replace('.', '-') + "-" + region;
            ObjectNode pool =
                    Json.object().put("name", name).put("minimum_origins", 1).put("monitor", monitorId);
            pool.putArray("check_regions").add("WNAM").add("WEU");
            pool.putArray("origins")
                    .addObject()
                    .put("name", region)
                    .put("address", address)
                    .put("enabled", true)
                    .put("weight", 1);
            pools.put(region, instance.writePool(null, pool).get("id").textValue());
        });
        ObjectNode balancer = Json.object()
                .put("name", hostname)
                .put("fallback_pool", pools.values().iterator().next())
                .put("proxied", true)
                .put("steering_policy", "off");
        ArrayNode order = balancer.putArray("default_pools");
        pools.values().forEach(order::add);
        instance.writeLoadBalancer(instance.zoneIdOf(zone), null, balancer);
        return pools;
    }
}
