package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading requests and writing answers on the JDK HttpServer. */
final class HttpIo {

    private HttpIo() {}

    static void sendJson(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = Json.bytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        sendJson(exchange, status, body, Map.of());
    }

    static void send(HttpExchange exchange, Reply reply) throws IOException {
        sendJson(exchange, reply.status(), reply.body(), reply.headers());
    }

    /** IBM's platform error body with a fresh trace id. */
    static void sendError(HttpExchange exchange, IbmService service, ApiException error, Map<String, String> headers)
            throws IOException {
        sendJson(
                exchange,
                error.status(),
                ErrorBodies.platform(
                        service,
                        error.status(),
                        error.code(),
                        error.getMessage(),
                        UUID.randomUUID().toString()),
                headers);
    }

    static void sendError(HttpExchange exchange, IbmService service, ApiException error) throws IOException {
        sendError(exchange, service, error, Map.of());
    }

    /** Path segments of the request, percent-decoded one by one (a '+' in a path is a plus). */
    static List<String> pathSegments(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawPath();
        List<String> segments = new ArrayList<>();
        for (String segment : raw.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decode(segment.replace("+", "%2B")));
            }
        }
        return segments;
    }

    /** Query parameters, first value wins. */
    static Map<String, String> query(HttpExchange exchange) {
        return formFields(exchange.getRequestURI().getRawQuery());
    }

    /** Fields of an {@code application/x-www-form-urlencoded} string. */
    static Map<String, String> formFields(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(key, value);
        }
        return fields;
    }

    static String bearerToken(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The first value of a request header, or null. */
    static String header(HttpExchange exchange, String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    static String contentType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type == null ? "" : type;
    }

    static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Malformed URL encoding");
        }
    }
}
