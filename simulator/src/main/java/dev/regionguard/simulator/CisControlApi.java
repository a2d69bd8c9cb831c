package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /_sim/cis/...}, the CIS part of the control API: {@code POST cis/instances[?zones=a.com,b.com]}
 * (201 {@code {"crn", "zones": {name: id}}}), {@code GET cis/instances} ({@code {"crns"}}),
 * {@code POST cis/instances/{crn}/zones?name=a.com} (201 {@code {"zone_id"}}), the API's faults
 * {@code POST cis/down?mode=UNAVAILABLE|CONNECTION_RESET|BLACKHOLE}, {@code cis/up}, {@code cis/clear},
 * {@code cis/latency?ms=N}, {@code cis/error-rate?rate=R[&seed=S]}, {@code cis/throttle?count=N[&retryAfter=S]},
 * and {@code GET cis/stats}, {@code POST cis/stats/reset}.
 */
final class CisControlApi {

    private CisControlApi() {}

    /** {@code path} follows {@code /_sim/cis}. */
    static Reply route(CisControl cis, String method, List<String> path, Map<String, String> query) {
        String joined = String.join("/", path);
        if (joined.equals("instances")) {
            return method.equals("POST") ? new Reply(201, createInstance(cis, query)) : instances(cis);
        }
        if (method.equals("POST")
                && path.size() == 3
                && path.get(0).equals("instances")
                && path.get(2).equals("zones")) {
            return new Reply(201, Json.object().put("zone_id", cis.addZone(path.get(1), required(query, "name"))));
        }
        if (method.equals("GET") && joined.equals("stats")) {
            return new Reply(200, stats(cis.stats()));
        }
        if (method.equals("POST") && path.size() == 1) {
            fault(cis.faults(), path.get(0), query);
            return new Reply(200, Json.object().put("ok", true));
        }
        if (method.equals("POST") && joined.equals("stats/reset")) {
            cis.resetStats();
            return new Reply(200, Json.object().put("ok", true));
        }
        throw ApiException.notFound("Unknown control path /_sim/cis/" + joined);
    }

    private static ObjectNode createInstance(CisControl cis, Map<String, String> query) {
        String[] names = Arrays.stream(query.getOrDefault("zones", "").split(","))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .toArray(String[]::new);
        String crn = cis.createInstance(names);
        ObjectNode answer = Json.object().put("crn", crn);
        ObjectNode ids = answer.putObject("zones");
        for (String name : names) {
            ids.put(name, cis.zoneId(crn, name));
        }
        return answer;
    }

    private static Reply instances(CisControl cis) {
        ObjectNode answer = Json.object();
        cis.instanceCrns().forEach(answer.putArray("crns")::add);
        return new Reply(200, answer);
    }

    private static void fault(FaultControls faults, String action, Map<String, String> query) {
        switch (action) {
            case "down" -> faults.down(DownMode.valueOf(query.getOrDefault("mode", "UNAVAILABLE")));
            case "up" -> faults.up();
            case "clear" -> faults.clear();
            case "latency" -> faults.latency(Duration.ofMillis(number(query, "ms")));
            case "error-rate" ->
                faults.errorRate(
                        Double.parseDouble(required(query, "rate")),
                        query.containsKey("seed") ? number(query, "seed") : 0);
            case "throttle" ->
                faults.throttle(
                        (int) number(query, "count"),
                        Duration.ofSeconds(query.containsKey("retryAfter") ? number(query, "retryAfter") : 1));
            default -> throw ApiException.notFound("Unknown control action 'cis/" + action + "'");
        }
    }

    private static ObjectNode stats(CallStats stats) {
        ObjectNode node = Json.object();
        node.put("calls", stats.calls());
        node.put("list_calls", stats.listCalls());
        node.put("entity_reads", stats.entityReads());
        node.put("writes", stats.writes());
        ObjectNode byStatus = node.putObject("by_status");
        new TreeMap<>(stats.byStatus()).forEach(byStatus::put);
        return node;
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Query parameter '" + name + "' is required");
        }
        return value;
    }

    private static long number(Map<String, String> query, String name) {
        return Long.parseLong(required(query, name));
    }
}
