package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code POST /iam/identity/token} with the apikey grant. */
final class IamEndpoint {

    static final String APIKEY_GRANT = "urn:ibm:params:oauth:grant-type:apikey";

    private final TokenIssuer tokens;
    private final StatsRecorder stats;

    IamEndpoint(TokenIssuer tokens, StatsRecorder stats) {
        this.tokens = tokens;
        this.stats = stats;
    }

    /** {@code segments} start with "iam". */
    void handle(HttpExchange exchange, List<String> segments) throws IOException {
        Instant start = Instant.now();
        String requestId = UUID.randomUUID().toString();
        if (!segments.equals(List.of("iam", "identity", "token"))) {
            answer(exchange, 404, ErrorBodies.iam("BXNIM0100E", "Not found", requestId, start));
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, ErrorBodies.iam("BXNIM0101E", "Method not allowed", requestId, start));
            return;
        }
        Map<String, String> form =
                HttpIo.formFields(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String grantType = form.get("grant_type");
        if (!APIKEY_GRANT.equals(grantType)) {
            answer(
                    exchange,
                    400,
                    ErrorBodies.iam(
                            "BXNIM0109E",
                            "Property 'grant_type' is missing or not supported: " + grantType,
                            requestId,
                            start));
            return;
        }
        String apiKey = form.get("apikey");
        if (apiKey == null || apiKey.isBlank() || tokens.refuses(apiKey)) {
            answer(
                    exchange,
                    400,
                    ErrorBodies.iam("BXNIM0415E", "Provided API key could not be found.", requestId, start));
            return;
        }
        answer(exchange, 200, tokens.issue(apiKey));
    }

    private void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        stats.record(CallKind.OTHER, status);
        HttpIo.sendJson(exchange, status, body);
    }
}
