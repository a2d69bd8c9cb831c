package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /apps/{region}/{projectId}/{app}/...}: the simulator's stand-in for an app's public
 * endpoint, any path and method. 200 {@code {app, region, project_id, revision}} while a revision
 * is ready (the newest ready one serves, as in Code Engine, even while a newer one deploys or has
 * failed); 503 while none is ready or the app is being deleted; 404 for unknown apps and apps with
 * project-only visibility. The region's down mode and latency apply; throttling and error rates,
 * which model the API, do not.
 */
final class AppTraffic {

    private final Map<String, Region> regions;

    AppTraffic(Map<String, Region> regions) {
        this.regions = regions;
    }

    /** {@code segments} are {@code ["apps", region, projectId, app, ...]}. */
    void handle(HttpExchange exchange, List<String> segments) throws IOException {
        Region region = segments.size() >= 4 ? regions.get(segments.get(1)) : null;
        if (region == null) {
            HttpIo.sendError(
                    exchange,
                    IbmService.CODE_ENGINE,
                    ApiException.notFound(
                            "No app endpoint at " + exchange.getRequestURI().getPath()));
            return;
        }
        serve(exchange, region, () -> answer(region, segments.get(2), segments.get(3)));
    }

    /**
     * Serves {@code answer} as traffic to the region's apps: its down mode and latency first, then
     * counted in its app traffic stats. The CIS edge forwards through here too.
     */
    static void serve(HttpExchange exchange, Region region, RegionalCall.Answer answer) throws IOException {
        exchange.getRequestBody().readAllBytes();
        RegionalCall.serve(
                exchange,
                region.faults().beforeAppTraffic(),
                region.appTrafficStats(),
                CallKind.OTHER,
                IbmService.CODE_ENGINE,
                answer);
    }

    /** How the app answers now, without the region's faults; 404 (thrown) when no public app has the name. */
    static Reply answer(Region region, String projectId, String appName) {
        CeProject project = region.codeEngine().find(projectId);
        if (project == null) {
            throw noSuchApp(appName);
        }
        return project.inspect(now -> {
            CeResource app = project.status(now).equals("active") ? project.existing(CeKinds.APPS, appName) : null;
            if (app == null || !CeAppKind.publiclyReachable(app)) {
                throw noSuchApp(appName);
            }
            ObjectNode view = CeKinds.APPS.view(project, app, now);
            AppRevision serving = app.revisions().latestReady(now);
            ObjectNode body = Json.object()
                    .put("app", appName)
                    .put("region", project.region())
                    .put("project_id", project.id());
            if (app.deleting() || serving == null) {
                body.put("status", view.get("status").textValue());
                body.put("reason", view.path("status_details").path("reason").asText());
                return new Reply(503, body);
            }
            return new Reply(200, body.put("revision", serving.name()));
        });
    }

    /**
     * A request for custom domain {@code host} at the project's CNAME target: Code Engine routes it to
     * the app of the domain mapping named {@code host} once that mapping is {@code ready} (as its view
     * reports it), else 404. Errors come back as replies with IBM's error body, never thrown.
     */
    static Reply answerCustomDomain(Region region, CeProject project, String host) {
        String appName = project.inspect(now -> {
            CeResource mapping =
                    project.status(now).equals("active") ? project.existing(CeKinds.DOMAIN_MAPPINGS, host) : null;
            boolean ready = mapping != null
                    && "ready"
                            .equals(CeKinds.DOMAIN_MAPPINGS
                                    .view(project, mapping, now)
                                    .path("status")
                                    .asText());
            return ready ? mapping.spec().path("component").path("name").asText(null) : null;
        });
        try {
            if (appName == null) {
                throw ApiException.notFound("No ready domain mapping for '" + host + "' is served here");
            }
            return answer(region, project.id(), appName);
        } catch (ApiException e) {
            return new Reply(
                    e.status(),
                    ErrorBodies.platform(
                            IbmService.CODE_ENGINE,
                            e.status(),
                            e.code(),
                            e.getMessage(),
                            UUID.randomUUID().toString()));
        }
    }

    private static ApiException noSuchApp(String appName) {
        return ApiException.notFound("No public app '" + appName + "' is served here");
    }
}
