package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /cis/v1/{crn}/...}: the CIS API, {@code /cis} standing for {@code https://api.cis.cloud.ibm.com}.
 * The CIS faults decide first, then the IAM token: IBM's docs send it as {@code X-Auth-User-Token:
 * Bearer <token>}, IBM's Go SDK as {@code Authorization: Bearer <token>}; both are taken, the
 * former first. Errors use CIS's envelope, not the platform error body of EN and Code Engine.
 * An unknown CRN answers 404 (unverified: CIS may answer 403).
 */
final class CisEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(CisEndpoint.class);

    private final CisControl cis;
    private final TokenIssuer tokens;
    private final AccessDenials denials;
    private final CisHealth health;
    private final EdgeTraffic edge;

    CisEndpoint(CisControl cis, TokenIssuer tokens, AccessDenials denials, Map<String, Region> regions) {
        this.cis = cis;
        this.tokens = tokens;
        this.denials = denials;
        this.health = new CisHealth(regions);
        this.edge = new EdgeTraffic(cis, health);
    }

    /** {@code /edge/...}, which shares the API's instances and health probes. */
    EdgeTraffic edge() {
        return edge;
    }

    /** {@code segments} are {@code ["cis", "v1", crn, ...]}. */
    void handle(HttpExchange exchange, List<String> segments) throws IOException {
        String token = userToken(exchange);
        List<String> path = segments.subList(1, segments.size());
        CallKind kind = CisApi.callKind(exchange.getRequestMethod(), path);
        StatsRecorder stats = cis.statsRecorder();
        FaultOutcome fault = cis.faults().beforeCall(tokens.callerOf(token));
        switch (fault.action()) {
            case CLOSE -> stats.record(kind, CallStats.NO_RESPONSE);
            case HOLD_THEN_CLOSE -> {
                stats.record(kind, CallStats.NO_RESPONSE);
                awaitRelease(fault);
            }
            case RESPOND -> {
                stats.record(kind, fault.status());
                HttpIo.sendJson(
                        exchange,
                        fault.status(),
                        CisApi.errorBody(fault.status(), null, fault.message()),
                        fault.retryAfterSeconds() > 0
                                ? Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds()))
                                : Map.of());
            }
            case PROCEED -> {
                Reply reply = answerSafely(exchange, token, path);
                stats.record(kind, reply.status());
                HttpIo.send(exchange, reply);
            }
        }
    }

    private Reply answerSafely(HttpExchange exchange, String token, List<String> path) {
        try {
            return answer(exchange, token, path);
        } catch (ApiException e) {
            return new Reply(e.status(), CisApi.errorBody(e.status(), e.code(), e.getMessage()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            return new Reply(500, CisApi.errorBody(500, null, "Internal server error"));
        }
    }

    private Reply answer(HttpExchange exchange, String token, List<String> path) throws IOException {
        if (token == null) {
            throw new ApiException(401, "unauthorized", "Missing X-Auth-User-Token header with an IAM Bearer token");
        }
        TokenIssuer.Grant grant = tokens.authorize(token);
        if (path.size() < 2 || !path.get(0).equals("v1")) {
            throw ApiException.notFound(
                    "No route for " + exchange.getRequestURI().getPath());
        }
        String crn = path.get(1);
        if (denials.isDenied(grant.apiKey(), CisControl.SCOPE, crn)) {
            throw new ApiException(403, "forbidden", "The supplied authentication is not authorized to access " + crn);
        }
        CisInstance instance = cis.instance(crn);
        if (instance == null) {
            throw ApiException.notFound("No CIS instance " + crn);
        }
        String method = exchange.getRequestMethod();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        ObjectNode body = method.equals("POST") || method.equals("PUT") ? Json.parseObject(raw) : null;
        return CisApi.handle(instance, health, method, path.subList(2, path.size()), body);
    }

    /** The IAM token of {@code X-Auth-User-Token} ("Bearer " optional), else of {@code Authorization}; or null. */
    static String userToken(HttpExchange exchange) {
        String header = HttpIo.header(exchange, "X-Auth-User-Token");
        if (header == null) {
            return HttpIo.bearerToken(exchange);
        }
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : header;
        return token.isBlank() ? null : token.trim();
    }

    private static void awaitRelease(FaultOutcome fault) {
        try {
            fault.release().await(FaultControls.BLACKHOLE_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
