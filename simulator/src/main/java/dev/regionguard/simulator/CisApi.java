package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The paths of one CIS instance under {@code /v1/{crn}}, as IBM's networking SDKs call them:
 * {@code zones[/{id}]}, {@code load_balancers/monitors[/{id}]}, {@code load_balancers/pools[/{id}]}
 * and {@code zones/{id}/load_balancers[/{id}]}. POST creates (200, as CIS answers), PUT replaces the
 * whole object, DELETE answers {@code {"id"}}; there is no PATCH in IBM's SDKs, so none here (405).
 * Every answer has CIS's envelope {@code {success, errors, messages, result}}.
 */
final class CisApi {

    /** Error codes by HTTP status; only 1002 (validation) is seen in Cloudflare's bodies, the rest are guesses. */
    private static final Map<Integer, Integer> CODES =
            Map.of(400, 1002, 401, 10000, 403, 10000, 404, 1003, 405, 10405, 409, 1004, 429, 971);

    private CisApi() {}

    /** {@code path} follows {@code /v1/{crn}}; {@code body} is null unless POST or PUT. */
    static Reply handle(CisInstance instance, CisHealth health, String method, List<String> path, ObjectNode body) {
        String first = path.isEmpty() ? "" : path.get(0);
        if (first.equals("zones") && path.size() <= 2) {
            requireMethod(method, "GET");
            return path.size() == 1 ? list(instance.zones()) : ok(instance.zone(path.get(1)));
        }
        if (first.equals("zones") && path.get(2).equals("load_balancers") && path.size() <= 4) {
            return loadBalancers(instance, path.get(1), method, path.size() == 4 ? path.get(3) : null, body);
        }
        if (first.equals("load_balancers") && path.size() >= 2 && path.size() <= 3) {
            String id = path.size() == 3 ? path.get(2) : null;
            if (path.get(1).equals("monitors")) {
                return monitors(instance, method, id, body);
            }
            if (path.get(1).equals("pools")) {
                return pools(instance, health, method, id, body);
            }
        }
        throw ApiException.notFound("No route for /v1/{crn}/" + String.join("/", path));
    }

    private static Reply monitors(CisInstance instance, String method, String id, ObjectNode body) {
        return switch (id == null ? method + " list" : method) {
            case "GET list" -> list(instance.monitors());
            case "POST list" -> ok(instance.writeMonitor(null, body));
            case "GET" -> ok(instance.monitor(id));
            case "PUT" -> ok(instance.writeMonitor(id, body));
            case "DELETE" -> {
                instance.deleteMonitor(id);
                yield deleted(id);
            }
            default -> throw ApiException.methodNotAllowed(method);
        };
    }

    private static Reply pools(CisInstance instance, CisHealth health, String method, String id, ObjectNode body) {
        return switch (id == null ? method + " list" : method) {
            case "GET list" ->
                list(instance.pools().stream()
                        .map(pool -> poolView(instance, health, pool))
                        .toList());
            case "POST list" -> ok(poolView(instance, health, instance.writePool(null, body)));
            case "GET" -> ok(poolView(instance, health, instance.pool(id)));
            case "PUT" -> ok(poolView(instance, health, instance.writePool(id, body)));
            case "DELETE" -> {
                instance.deletePool(id);
                yield deleted(id);
            }
            default -> throw ApiException.methodNotAllowed(method);
        };
    }

    /** Probed outside the instance's lock. */
    static ObjectNode poolView(CisInstance instance, CisHealth health, ObjectNode pool) {
        return health.poolView(pool, instance.findMonitor(pool.path("monitor").asText(null)));
    }

    private static Reply loadBalancers(CisInstance instance, String zoneId, String method, String id, ObjectNode body) {
        return switch (id == null ? method + " list" : method) {
            case "GET list" -> list(instance.loadBalancers(zoneId));
            case "POST list" -> ok(instance.writeLoadBalancer(zoneId, null, body));
            case "GET" -> ok(instance.loadBalancer(zoneId, id));
            case "PUT" -> ok(instance.writeLoadBalancer(zoneId, id, body));
            case "DELETE" -> {
                instance.deleteLoadBalancer(zoneId, id);
                yield deleted(id);
            }
            default -> throw ApiException.methodNotAllowed(method);
        };
    }

    /** How a call counts: lists, reads of one object, writes. */
    static CallKind callKind(String method, List<String> path) {
        String last = path.isEmpty() ? "" : path.get(path.size() - 1);
        boolean collection = last.equals("zones")
                || last.equals("load_balancers")
                || last.equals("monitors")
                || last.equals("pools");
        return CallKind.of(method, collection, !collection && path.size() > 2);
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw ApiException.methodNotAllowed(method);
        }
    }

    private static Reply ok(JsonNode result) {
        return new Reply(200, envelope(result));
    }

    private static Reply deleted(String id) {
        return ok(Json.object().put("id", id));
    }

    private static Reply list(List<ObjectNode> items) {
        ObjectNode body = envelope(Json.array().addAll(items));
        body.putObject("result_info")
                .put("page", 1)
                .put("per_page", Math.max(20, items.size()))
                .put("count", items.size())
                .put("total_count", items.size());
        return new Reply(200, body);
    }

    private static ObjectNode envelope(JsonNode result) {
        ObjectNode body = Json.object();
        body.put("success", true);
        body.putArray("errors");
        body.putArray("messages");
        body.set("result", result);
        return body;
    }

    /** CIS's error body: {@code {"success":false,"errors":[{"code","message"}],"messages":[],"result":null}}. */
    static ObjectNode errorBody(int status, String code, String message) {
        int number = code != null && code.matches("\\d+") ? Integer.parseInt(code) : CODES.getOrDefault(status, 1000);
        ObjectNode body = Json.object();
        body.put("success", false);
        body.putArray("errors").addObject().put("code", number).put("message", message);
        body.putArray("messages");
        body.putNull("result");
        return body;
    }
}
