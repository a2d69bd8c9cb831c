package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Health checks ("monitors"): what a create or a full replace (PUT) stores. IBM's CLI docs make
 * {@code type} the one required field (tcp also needs {@code port}); the other defaults are Cloudflare's.
 */
final class CisMonitors {

    private CisMonitors() {}

    /** The stored fields of a monitor written with {@code body}; 400 when IBM would refuse it. */
    static ObjectNode spec(ObjectNode body) {
        String type = CisFields.oneOf(body, "type", null, "http", "https", "tcp");
        if (type == null) {
            throw ApiException.badRequest("Field 'type' is required");
        }
        boolean web = !type.equals("tcp");
        if (!web && !body.hasNonNull("port")) {
            throw ApiException.badRequest("Field 'port' is required for tcp monitors");
        }
        ObjectNode spec = Json.object();
        spec.put("type", type);
        spec.put("description", CisFields.text(body, "description", ""));
        spec.put("method", web ? CisFields.oneOf(body, "method", "GET", "GET", "HEAD") : "");
        spec.put("port", CisFields.number(body, "port", type.equals("https") ? 443 : 80, 1, 65535));
        spec.put("path", web ? path(body) : "");
        spec.put("timeout", CisFields.number(body, "timeout", 5, 1, 10));
        spec.put("retries", CisFields.number(body, "retries", 2, 0, 5));
        spec.put("interval", CisFields.number(body, "interval", 60, 5, 3600));
        spec.put("expected_body", web ? CisFields.text(body, "expected_body", "") : "");
        spec.put("expected_codes", web ? expectedCodes(body) : "");
        spec.put("follow_redirects", web && CisFields.bool(body, "follow_redirects", false));
        spec.put("allow_insecure", web && CisFields.bool(body, "allow_insecure", false));
        spec.set("header", web ? CisFields.headers(body, "header") : Json.object());
        return spec;
    }

    /** Whether an HTTP status meets {@code expected}, e.g. {@code 200}, {@code 2xx}, {@code 20x}. */
    static boolean codeMatches(String expected, int status) {
        String actual = String.valueOf(status);
        if (expected.length() != actual.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            char want = expected.charAt(i);
            if (want != 'x' && want != actual.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String path(ObjectNode body) {
        String path = CisFields.text(body, "path", "/");
        if (!path.startsWith("/")) {
            throw ApiException.badRequest("Field 'path' must start with '/': '" + path + "'");
        }
        return path;
    }

    private static String expectedCodes(ObjectNode body) {
        String codes = CisFields.text(body, "expected_codes", "200").toLowerCase(Locale.ROOT);
        if (!codes.matches("[1-5][0-9x][0-9x]")) {
            throw ApiException.badRequest(
                    "Field 'expected_codes' must be a status code or range such as 200 or 2xx: '" + codes + "'");
        }
        return codes;
    }
}
