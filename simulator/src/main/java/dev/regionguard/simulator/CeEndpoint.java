package dev.regionguard.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code /{region}/codeengine/...}: the region's faults first, exactly as for Event Notifications,
 * then the IAM token and access checks, then the API. Every call of a known region is counted in the
 * region's Code Engine stats.
 */
final class CeEndpoint {

    private final Map<String, Region> regions;
    private final TokenIssuer tokens;
    private final AccessDenials denials;

    CeEndpoint(Map<String, Region> regions, TokenIssuer tokens, AccessDenials denials) {
        this.regions = regions;
        this.tokens = tokens;
        this.denials = denials;
    }

    /** {@code segments} are {@code [region, "codeengine", ...]}. */
    void handle(HttpExchange exchange, List<String> segments) throws IOException {
        Region region = regions.get(segments.get(0));
        if (region == null) {
            HttpIo.sendError(
                    exchange,
                    IbmService.CODE_ENGINE,
                    ApiException.notFound("Unknown region '" + segments.get(0) + "'"));
            return;
        }
        CeRoute route = CeRoute.parse(segments.subList(2, segments.size()));
        CallKind kind = route.callKind(exchange.getRequestMethod());
        RegionalCall.serve(
                exchange,
                region.faults().beforeCall(tokens.callerOf(HttpIo.bearerToken(exchange))),
                region.faults(),
                region.codeEngineStats(),
                kind,
                IbmService.CODE_ENGINE,
                () -> answer(exchange, region, route));
    }

    private Reply answer(HttpExchange exchange, Region region, CeRoute route) throws IOException {
        TokenIssuer.Grant grant = tokens.authorize(HttpIo.bearerToken(exchange));
        if (route.projectId() != null && denials.isDenied(grant.apiKey(), region.name(), route.projectId())) {
            throw AccessDenials.forbidden();
        }
        CeRequest request = new CeRequest(
                exchange.getRequestMethod(),
                HttpIo.query(exchange),
                HttpIo.header(exchange, "If-Match"),
                HttpIo.contentType(exchange),
                exchange.getRequestBody().readAllBytes());
        request.checkVersion();
        return switch (route.target()) {
            case FUNCTION_RUNTIMES -> {
                requireGet(request);
                yield new Reply(200, FunctionRuntimes.list());
            }
            case PROJECTS, PROJECT, STATUS_DETAILS, EGRESS_IPS ->
                CeProjectsApi.handle(region.codeEngine(), route, request);
            case COLLECTION, RESOURCE, REVISIONS, REVISION, INSTANCES ->
                CeResourcesApi.handle(region.codeEngine().require(route.projectId()), route, request);
            case UNKNOWN ->
                throw ApiException.notFound(
                        "No such path: " + exchange.getRequestURI().getPath());
        };
    }

    static void requireGet(CeRequest request) {
        if (!request.method().equals("GET")) {
            throw ApiException.methodNotAllowed(request.method());
        }
    }
}
