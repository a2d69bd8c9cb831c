package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /edge/{hostname}/...}, any method and path: what a client reaches at {@code https://{hostname}/...}
 * through CIS's proxied global load balancer named {@code hostname} (enabled, in any instance's zone).
 * As with failover steering ({@code off}; other policies are served the same way), the first pool of
 * {@code default_pools} that is enabled and healthy serves, else {@code fallback_pool} if healthy;
 * with none, 503. Within the pool, the first healthy enabled origin (weights are not modelled) gets
 * the request with Host {@code hostname} (or the origin's Host header) and answers as the Code Engine
 * app of that domain mapping would, as app traffic of its region. Headers {@code X-Sim-Pool},
 * {@code X-Sim-Pool-Id} and {@code X-Sim-Origin} name what served. Unknown host names answer 404.
 */
final class EdgeTraffic {

    /** Where a request goes: the pool and origin chosen and the project behind it. */
    private record Route(ObjectNode pool, JsonNode origin, CisHealth.Target target) {}

    private final CisControl cis;
    private final CisHealth health;

    EdgeTraffic(CisControl cis, CisHealth health) {
        this.cis = cis;
        this.health = health;
    }

    /** {@code segments} are {@code ["edge", hostname, ...]}. */
    void handle(HttpExchange exchange, List<String> segments) throws IOException {
        String hostname = segments.size() >= 2 ? segments.get(1).toLowerCase(Locale.ROOT) : "";
        CisInstance instance = null;
        ObjectNode lb = null;
        for (CisInstance candidate : cis.instances()) {
            lb = candidate.loadBalancerNamed(hostname);
            if (lb != null) {
                instance = candidate;
                break;
            }
        }
        if (lb == null) {
            HttpIo.sendError(
                    exchange, IbmService.CIS, ApiException.notFound("No load balancer serves '" + hostname + "'"));
            return;
        }
        Route route = route(instance, lb);
        if (route == null) {
            HttpIo.sendError(
                    exchange,
                    IbmService.CIS,
                    new ApiException(503, "no_healthy_pool", "No healthy pool serves '" + hostname + "'"));
            return;
        }
        String host = CisFields.firstHeader(route.origin().get("header"), "Host");
        Map<String, String> served = Map.of(
                "X-Sim-Pool", route.pool().path("name").asText(),
                "X-Sim-Pool-Id", route.pool().path("id").asText(),
                "X-Sim-Origin", route.origin().path("name").asText());
        CisHealth.Target target = route.target();
        AppTraffic.serve(exchange, target.region(), () -> {
            Reply reply =
                    AppTraffic.answerCustomDomain(target.region(), target.project(), host != null ? host : hostname);
            return new Reply(reply.status(), reply.body(), served);
        });
    }

    /** The default pools in order, then the fallback pool: the first that can serve, or null. */
    private Route route(CisInstance instance, ObjectNode lb) {
        for (JsonNode poolId : lb.path("default_pools")) {
            Route route = serving(instance, poolId.asText());
            if (route != null) {
                return route;
            }
        }
        return serving(instance, lb.path("fallback_pool").asText());
    }

    /** The pool's first healthy origin that leads to a Code Engine project, if the pool is enabled and healthy. */
    private Route serving(CisInstance instance, String poolId) {
        ObjectNode pool = instance.findPool(poolId);
        if (pool == null || !pool.path("enabled").asBoolean()) {
            return null;
        }
        ObjectNode view = CisApi.poolView(instance, health, pool);
        if (!view.path("healthy").asBoolean()) {
            return null;
        }
        for (JsonNode origin : view.path("origins")) {
            CisHealth.Target target = origin.path("healthy").asBoolean()
                    ? health.resolve(origin.path("address").asText())
                    : null;
            if (target != null) {
                return new Route(view, origin, target);
            }
        }
        return null;
    }
}
