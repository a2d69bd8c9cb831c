package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /_sim/...}: drives the simulator over HTTP for the standalone mode. Not counted in stats,
 * never subject to faults. Paths under {@code /_sim/}:
 * {@code POST regions/{r}/down?mode=UNAVAILABLE|CONNECTION_RESET|BLACKHOLE}, {@code POST regions/{r}/up},
 * {@code POST regions/{r}/clear}, {@code POST regions/{r}/latency?ms=N},
 * {@code POST regions/{r}/partition?apikey=K} and {@code POST regions/{r}/heal?apikey=K} (calls made with
 * key K get no answer from the region: one vantage point cut off),
 * {@code POST regions/{r}/error-rate?rate=0.1[&seed=S]}, {@code POST regions/{r}/throttle?count=N&retryAfter=S},
 * {@code POST regions/{r}/instances[?instance_id=ID][&entities=N&seed=S]} (201 {@code {"instance_id"}}),
 * {@code GET regions/{r}/instances}, {@code GET regions/{r}/instances/{id}/snapshot}, {@link PushDeviceControl},
 * {@code POST regions/{r}/projects[?project_id=ID][&resources=N&seed=S]} (201 {@code {"project_id"}}),
 * {@code GET regions/{r}/projects}, {@code GET regions/{r}/projects/{id}/snapshot},
 * {@code POST codeengine/fail-image?image=REF}, {@code POST codeengine/heal-image?image=REF},
 * {@code POST codeengine/timings[?app_ready_ms=N][&delete_ms=N][&project_active_ms=N]},
 * {@code POST dns?domain=D} / {@code DELETE dns?domain=D} (a custom e-mail domain's DNS records exist or not),
 * {@code POST revoke} (form or JSON field {@code apikey}), {@code POST expire-tokens},
 * {@code GET stats}, {@code POST stats/reset},
 * {@code POST regions/{r}/faults?kind=K[&method=GET][&path=/v1/instances/{@literal *}/topics][&probability=P&seed=S][&times=N]}
 * (injects a {@link Fault} of {@link FaultKind} K), {@code DELETE regions/{r}/faults} (removes them;
 * {@code clear} does too); {@code cis/...}: see {@link CisControlApi}.
 */
final class ControlApi {

    private final IbmCloudSimulator simulator;
    private final CeTimings codeEngineTimings;

    ControlApi(IbmCloudSimulator simulator, CeTimings codeEngineTimings) {
        this.simulator = simulator;
        this.codeEngineTimings = codeEngineTimings;
    }

    /** {@code segments} start with "_sim". */
    void handle(HttpExchange exchange, List<String> segments) throws IOException {
        try {
            Reply reply = route(exchange, segments.subList(1, segments.size()));
            HttpIo.send(exchange, reply);
        } catch (ApiException e) {
            HttpIo.sendError(exchange, IbmService.EVENT_NOTIFICATIONS, e);
        } catch (IllegalArgumentException e) {
            HttpIo.sendError(exchange, IbmService.EVENT_NOTIFICATIONS, ApiException.badRequest(e.getMessage()));
        }
    }

    private Reply route(HttpExchange exchange, List<String> path) throws IOException {
        String method = exchange.getRequestMethod();
        Map<String, String> query = HttpIo.query(exchange);
        String joined = String.join("/", path);
        if (method.equals("GET") && joined.equals("stats")) {
            return ok(stats());
        }
        if (method.equals("POST") && joined.equals("stats/reset")) {
            simulator.resetStats();
            return ok(done());
        }
        if (joined.equals("dns") && (method.equals("POST") || method.equals("DELETE"))) {
            if (method.equals("POST")) {
                simulator.outside().publishDnsRecords(required(query, "domain"));
            } else {
                simulator.outside().withdrawDnsRecords(required(query, "domain"));
            }
            return ok(done());
        }
        if (method.equals("POST") && joined.equals("revoke")) {
            simulator.revokeApiKey(apiKey(exchange));
            return ok(done());
        }
        if (method.equals("POST") && joined.equals("expire-tokens")) {
            simulator.expireAllTokens();
            return ok(done());
        }
        if (method.equals("POST") && path.size() == 2 && path.get(0).equals("codeengine")) {
            codeEngine(path.get(1), query);
            return ok(done());
        }
        if (!path.isEmpty() && path.get(0).equals("cis")) {
            return CisControlApi.route(simulator.cis(), method, path.subList(1, path.size()), query);
        }
        if (path.size() >= 3 && path.get(0).equals("regions")) {
            return region(method, path.get(1), path.subList(2, path.size()), query);
        }
        throw ApiException.notFound("Unknown control path /_sim/" + joined);
    }

    private Reply region(String method, String region, List<String> action, Map<String, String> query) {
        if (!simulator.regions().contains(region)) {
            throw ApiException.notFound("Unknown region '" + region + "'");
        }
        FaultControls faults = simulator.faults(region);
        String name = action.get(0);
        if (action.size() == 1 && name.equals("faults") && method.equals("DELETE")) {
            faults.clearInjected();
            return ok(done());
        }
        if (action.size() == 1 && method.equals("POST")) {
            return regionPost(faults, region, name, query);
        }
        if (method.equals("GET") && name.equals("projects")) {
            if (action.size() == 1) {
                ObjectNode answer = Json.object();
                simulator.codeEngineProjectIds(region).forEach(answer.putArray("project_ids")::add);
                return ok(answer);
            }
            if (action.size() == 3 && action.get(2).equals("snapshot")) {
                if (!simulator.codeEngineProjectIds(region).contains(action.get(1))) {
                    throw ApiException.notFound("Unknown project '" + action.get(1) + "'");
                }
                return ok(simulator.codeEngineSnapshot(region, action.get(1)));
            }
        }
        if (method.equals("GET") && name.equals("instances")) {
            if (action.size() == 1) {
                ObjectNode answer = Json.object();
                simulator.instanceIds(region).forEach(answer.putArray("instance_ids")::add);
                return ok(answer);
            }
            if (action.size() == 3 && action.get(2).equals("snapshot")) {
                if (!simulator.instanceIds(region).contains(action.get(1))) {
                    throw ApiException.notFound("Unknown instance '" + action.get(1) + "'");
                }
                return ok(simulator.eventNotificationsSnapshot(region, action.get(1)));
            }
        }
        if (action.size() == 3 && name.equals("instances") && action.get(2).equals("devices")) {
            return PushDeviceControl.handle(simulator, method, region, action.get(1), query);
        }
        throw ApiException.notFound("Unknown control path for region " + region);
    }

    private Reply regionPost(FaultControls faults, String region, String name, Map<String, String> query) {
        switch (name) {
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
            case "faults" -> faults.inject(fault(query));
            case "partition" -> faults.partition(required(query, "apikey"));
            case "heal" -> faults.heal(required(query, "apikey"));
            case "instances" -> {
                return new Reply(201, createInstance(region, query));
            }
            case "projects" -> {
                return new Reply(201, createProject(region, query));
            }
            default -> throw ApiException.notFound("Unknown control action '" + name + "'");
        }
        return ok(done());
    }

    private static Fault fault(Map<String, String> query) {
        Fault fault = Fault.of(FaultKind.valueOf(required(query, "kind")));
        if (query.containsKey("method")) {
            fault.method(query.get("method"));
        }
        if (query.containsKey("path")) {
            fault.path(query.get("path"));
        }
        if (query.containsKey("probability")) {
            fault.probability(
                    Double.parseDouble(query.get("probability")),
                    query.containsKey("seed") ? number(query, "seed") : 0);
        }
        if (query.containsKey("times")) {
            fault.times((int) number(query, "times"));
        }
        return fault;
    }

    /** Optional {@code instance_id}; {@code entities} (and {@code seed}) also seed it. */
    private ObjectNode createInstance(String region, Map<String, String> query) {
        String instanceId = query.getOrDefault("instance_id", UUID.randomUUID().toString());
        simulator.createEventNotificationsInstance(region, instanceId);
        ObjectNode answer = Json.object().put("instance_id", instanceId);
        if (query.containsKey("entities")) {
            SeedManifest manifest = simulator.seedEventNotifications(
                    region,
                    instanceId,
                    (int) number(query, "entities"),
                    query.containsKey("seed") ? number(query, "seed") : 0);
            answer.put("entity_count", manifest.entityCount());
        }
        return answer;
    }

    /** Optional {@code project_id}; {@code resources} (and {@code seed}) also seed it. */
    private ObjectNode createProject(String region, Map<String, String> query) {
        String projectId = query.getOrDefault("project_id", UUID.randomUUID().toString());
        simulator.createCodeEngineProject(region, projectId);
        ObjectNode answer = Json.object().put("project_id", projectId);
        if (query.containsKey("resources")) {
            CodeEngineSeedManifest manifest = simulator.seedCodeEngine(
                    region,
                    projectId,
                    (int) number(query, "resources"),
                    query.containsKey("seed") ? number(query, "seed") : 0);
            answer.put("resource_count", manifest.resourceCount());
        }
        return answer;
    }

    /** {@code fail-image?image=}, {@code heal-image?image=}, {@code timings?app_ready_ms=&delete_ms=&project_active_ms=}. */
    private void codeEngine(String action, Map<String, String> query) {
        switch (action) {
            case "fail-image" -> simulator.failImage(required(query, "image"));
            case "heal-image" -> simulator.healImage(required(query, "image"));
            case "timings" -> {
                CeTimings timings = codeEngineTimings;
                if (query.containsKey("app_ready_ms")) {
                    timings.appReady(Duration.ofMillis(number(query, "app_ready_ms")));
                }
                if (query.containsKey("delete_ms")) {
                    timings.deleteCompletes(Duration.ofMillis(number(query, "delete_ms")));
                }
                if (query.containsKey("project_active_ms")) {
                    timings.projectActivation(Duration.ofMillis(number(query, "project_active_ms")));
                }
            }
            default -> throw ApiException.notFound("Unknown control action 'codeengine/" + action + "'");
        }
    }

    private ObjectNode stats() {
        ObjectNode answer = Json.object();
        answer.set("iam", statsJson(simulator.iamStats()));
        ObjectNode regions = answer.putObject("regions");
        simulator.regions().forEach(region -> {
            ObjectNode regionStats = statsJson(simulator.stats(region));
            regionStats.set("code_engine", statsJson(simulator.codeEngineStats(region)));
            regionStats.set("app_traffic", statsJson(simulator.appTrafficStats(region)));
            regions.set(region, regionStats);
        });
        return answer;
    }

    private static ObjectNode statsJson(CallStats stats) {
        ObjectNode node = Json.object();
        node.put("calls", stats.calls());
        node.put("list_calls", stats.listCalls());
        node.put("entity_reads", stats.entityReads());
        node.put("writes", stats.writes());
        ObjectNode byStatus = node.putObject("by_status");
        stats.byStatus().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
        return node;
    }

    /** From a form body or a JSON body: field {@code apikey}. */
    private static String apiKey(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8).trim();
        String apiKey = text.startsWith("{")
                ? Json.text(Json.parseObject(body, "request body"), "apikey")
                : HttpIo.formFields(text).get("apikey");
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiException.badRequest("Field 'apikey' is required");
        }
        return apiKey;
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

    private static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    private static ObjectNode done() {
        return Json.object().put("ok", true);
    }
}
