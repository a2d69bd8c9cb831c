package dev.regionguard.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /{region}/event-notifications/...}: faults first (a region that is down answers nothing
 * else), then IAM token, access and instance checks, then the API itself. Every call of a known
 * region is counted.
 */
final class EnEndpoint {

    private final Map<String, Region> regions;
    private final TokenIssuer tokens;
    private final AccessDenials denials;
    private final Supplier<String> baseUrl;
    private final EmailDns dns;

    EnEndpoint(
            Map<String, Region> regions,
            TokenIssuer tokens,
            AccessDenials denials,
            Supplier<String> baseUrl,
            EmailDns dns) {
        this.dns = dns;
        this.regions = regions;
        this.tokens = tokens;
        this.denials = denials;
        this.baseUrl = baseUrl;
    }

    /** {@code segments} are {@code [region, "event-notifications", ...]}. */
    void handle(HttpExchange exchange, List<String> segments) throws IOException {
        Region region = regions.get(segments.get(0));
        if (region == null) {
            HttpIo.sendError(
                    exchange,
                    IbmService.EVENT_NOTIFICATIONS,
                    new ApiException(404, "not_found", "Unknown region '" + segments.get(0) + "'"));
            return;
        }
        String method = exchange.getRequestMethod();
        EnRoute route = EnRoute.parse(segments.subList(2, segments.size()));
        CallKind kind = CallKind.of(method, route != null && route.collection(), route != null && route.entity());
        RegionalCall.serve(
                exchange,
                region.faults().beforeCall(tokens.callerOf(HttpIo.bearerToken(exchange))),
                region.faults(),
                region.eventNotificationsStats(),
                kind,
                IbmService.EVENT_NOTIFICATIONS,
                () -> answer(exchange, region, route));
    }

    private Reply answer(HttpExchange exchange, Region region, EnRoute route) throws IOException {
        if (route == null) {
            throw ApiException.notFound(
                    "No such path: " + exchange.getRequestURI().getPath());
        }
        TokenIssuer.Grant grant = tokens.authorize(HttpIo.bearerToken(exchange));
        if (denials.isDenied(grant.apiKey(), region.name(), route.instanceId())) {
            throw AccessDenials.forbidden();
        }
        EnInstance instance = region.instance(route.instanceId());
        if (instance == null) {
            throw ApiException.notFound("The instance '" + route.instanceId() + "' does not exist in " + region.name());
        }
        if (!route.known()) {
            throw ApiException.notFound(
                    "The simulator does not serve " + exchange.getRequestURI().getPath());
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String collectionUrl = baseUrl.get()
                + HttpIo.stripTrailingSlash(exchange.getRequestURI().getRawPath());
        return EnApi.handle(
                instance,
                exchange.getRequestMethod(),
                route,
                HttpIo.query(exchange),
                HttpIo.contentType(exchange),
                body,
                collectionUrl,
                dns);
    }
}
