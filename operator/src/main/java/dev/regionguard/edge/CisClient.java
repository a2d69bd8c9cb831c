package dev.regionguard.edge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The global load balancing API of one CIS instance: zones, origin pools, health checks (monitors)
 * and load balancers, as CIS's v1 API has them. Pools and load balancers change only by PUT, a full
 * replacement. Every method throws {@link dev.regionguard.cloud.IbmApiException} on failure.
 */
public interface CisClient {

    /** The ID of the instance's zone named {@code name} (e.g. example.com), if the instance has it. */
    Optional<String> zoneId(String name);

    /** The zone's load balancer named {@code name} (the hostname it serves), if any. */
    Optional<ObjectNode> loadBalancer(String zoneId, String name);

    /** One origin pool, with CIS's health of it and of each origin. */
    ObjectNode pool(String poolId);

    /** One health check. */
    ObjectNode monitor(String monitorId);

    /** PUT of the whole pool; returns the pool as CIS stored it. */
    ObjectNode replacePool(String poolId, ObjectNode pool);

    /** PUT of the whole load balancer; returns it as CIS stored it. */
    ObjectNode replaceLoadBalancer(String zoneId, String loadBalancerId, ObjectNode loadBalancer);
}
