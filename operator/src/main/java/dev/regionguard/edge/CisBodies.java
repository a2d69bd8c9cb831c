package dev.regionguard.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.health.EdgeConfiguration;
import java.util.List;

/**
 * The bodies of CIS's PUTs, which replace the whole object: what CIS returned, without the fields
 * only CIS sets, with one change. Everything else is sent back as it was, so a steering change never
 * resets a setting the network team made.
 */
public final class CisBodies {
    private static final List<String> SERVER_FIELDS = List.of("id", "created_on", "modified_on", "healthy");
    private static final List<String> ORIGIN_SERVER_FIELDS = List.of("healthy", "disabled_at", "failure_reason");

    private CisBodies() {}

    /** The pool, enabled or not. */
    public static ObjectNode poolEnabled(ObjectNode pool, boolean enabled) {
        ObjectNode body = pool.deepCopy();
        body.remove(SERVER_FIELDS);
        for (JsonNode origin : body.path("origins")) {
            if (origin instanceof ObjectNode object) {
                object.remove(ORIGIN_SERVER_FIELDS);
            }
        }
        return body.put("enabled", enabled);
    }

    /** The load balancer with {@code poolId} first in {@code default_pools}, the others in their order. */
    public static ObjectNode loadBalancerFirst(ObjectNode loadBalancer, String poolId) {
        ObjectNode body = loadBalancer.deepCopy();
        body.remove(SERVER_FIELDS);
        ArrayNode order = body.putArray("default_pools").add(poolId);
        for (String id : EdgeConfiguration.defaultPools(loadBalancer)) {
            if (!id.equals(poolId)) {
                order.add(id);
            }
        }
        return body;
    }
}
