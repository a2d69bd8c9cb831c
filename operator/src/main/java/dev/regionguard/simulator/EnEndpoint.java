package dev.regionguard.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /{region}/event-notifications/...}: faults first (a region that is down answers nothing
 * else), then IAM token, access and instance checks, then the API itself. Every call of a known
 * region is counted.
 */
final class EnEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(EnEndpoint.class);

    private final Map<String, Region> regions;
    private final TokenIssuer tokens;
    private final AccessDenials denials;
    private final Supplier<String> baseUrl;

    EnEndpoint(Map<String, Region> regions, TokenIssuer tokens, AccessDenials denials, Supplier<String> baseUrl) {
        this.regions = regions;
        this.tokens = tokens;
        this.denials = denials;
        this.baseUrl = baseUrl;
    }

    /** {@code segments} are {@code [region, "event-notifications", ...]}. */
    void handle(HttpExchange exchange, List<String> segments) throws IOException {
        Region region = regions.get(segments.get(0));
        if (region == null) {
            sendError(exchange, new ApiException(404, "not_found", "Unknown region '" + segments.get(0) + "'"));
            return;
        }
        String method = exchange.getRequestMethod();
        EnRoute route = EnRoute.parse(segments.subList(2, segments.size()));
        CallKind kind = CallKind.of(method, route != null && route.collection(), route != null && route.entity());
        FaultOutcome fault = region.faults().beforeCall();
        switch (fault.action()) {
            case CLOSE -> {
                region.stats().record(kind, CallStats.NO_RESPONSE);
                exchange.close();
            }
            case HOLD_THEN_CLOSE -> {
                region.stats().record(kind, CallStats.NO_RESPONSE);
                awaitRelease(fault);
                exchange.close();
            }
            case RESPOND -> {
                region.stats().record(kind, fault.status());
                sendError(exchange, new ApiException(fault.status(), fault.code(), fault.message()),
                        fault.retryAfterSeconds() > 0
                                ? Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds())) : Map.of());
            }
            case PROCEED -> serve(exchange, region, route, kind);
        }
    }

    private void serve(HttpExchange exchange, Region region, EnRoute route, CallKind kind) throws IOException {
        EnApi.Reply reply;
        try {
            reply = answer(exchange, region, route);
        } catch (ApiException e) {
            region.stats().record(kind, e.status());
            sendError(exchange, e);
            return;
        } catch (RuntimeException e) {
            LOG.warn("Simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            region.stats().record(kind, 500);
            sendError(exchange, new ApiException(500, "internal_server_error", "Internal server error"));
            return;
        }
        region.stats().record(kind, reply.status());
        HttpIo.sendJson(exchange, reply.status(), reply.body());
    }

    private EnApi.Reply answer(HttpExchange exchange, Region region, EnRoute route) throws IOException {
        if (route == null) {
            throw ApiException.notFound("No such path: " + exchange.getRequestURI().getPath());
        }
        String token = HttpIo.bearerToken(exchange);
        if (token == null) {
            throw new ApiException(401, "unauthorized", "An Authorization header with a Bearer token is required");
        }
        TokenIssuer.Grant grant = tokens.grant(token);
        if (grant == null) {
            throw new ApiException(401, "unauthorized", "The access token is not valid");
        }
        if (!grant.validAt(Instant.now())) {
            throw new ApiException(401, "unauthorized", "The access token has expired");
        }
        if (denials.isDenied(grant.apiKey(), region.name(), route.instanceId())) {
            throw new ApiException(403, "authorization_error",
                    "Unfortunately you don't have a permission to access requested resource");
        }
        EnInstance instance = region.instance(route.instanceId());
        if (instance == null) {
            throw ApiException.notFound("The instance '" + route.instanceId() + "' does not exist in "
                    + region.name());
        }
        if (!route.known()) {
            throw ApiException.notFound("The simulator does not serve " + exchange.getRequestURI().getPath());
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String collectionUrl = baseUrl.get() + stripTrailingSlash(exchange.getRequestURI().getRawPath());
        return EnApi.handle(instance, exchange.getRequestMethod(), route, HttpIo.query(exchange),
                HttpIo.contentType(exchange), body, collectionUrl);
    }

    static void sendError(HttpExchange exchange, ApiException error) throws IOException {
        sendError(exchange, error, Map.of());
    }

    private static void sendError(HttpExchange exchange, ApiException error, Map<String, String> headers)
            throws IOException {
        HttpIo.sendJson(exchange, error.status(), ErrorBodies.eventNotifications(error.status(), error.code(),
                error.getMessage(), UUID.randomUUID().toString()), headers);
    }

    private static void awaitRelease(FaultOutcome fault) {
        try {
            fault.release().await(FaultControls.BLACKHOLE_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
