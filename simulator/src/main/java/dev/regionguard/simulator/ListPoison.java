package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;

/** Rewrites a list answer the way a {@link FaultKind} that poisons lists says. */
final class ListPoison {

    /** TRUNCATED_PAGE keeps this share of the page's items (60 of 100). */
    private static final double TRUNCATED_SHARE = 0.6;

    private ListPoison() {}

    /** The name of the answer's collection field (its first array), or null when it is no list. */
    static String listKey(Reply reply) {
        if (reply.status() != 200 || !(reply.body() instanceof ObjectNode body)) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isArray()) {
                return field.getKey();
            }
        }
        return null;
    }

    /** {@code requestUri} is the call's URI (path and query) for links back to the same page. */
    static Reply apply(FaultKind kind, Reply reply, URI requestUri, String baseUrl) {
        String key = listKey(reply);
        ObjectNode body = ((ObjectNode) reply.body()).deepCopy();
        ArrayNode items = (ArrayNode) body.get(key);
        switch (kind) {
            case EMPTY_LIST -> {
                items.removeAll();
                zeroTotal(body);
                body.remove("next");
            }
            case BARE_LIST -> {
                body.remove(key);
                zeroTotal(body);
                body.remove("next");
            }
            case TRUNCATED_PAGE -> {
                int keep = (int) Math.floor(items.size() * TRUNCATED_SHARE);
                while (items.size() > keep) {
                    items.remove(items.size() - 1);
                }
            }
            case MISSING_NEXT -> body.remove("next");
            case CYCLIC_NEXT -> {
                ObjectNode next = body.putObject("next");
                next.put("href", baseUrl + requestUri);
                String start = query(requestUri, "start");
                if (start != null) {
                    next.put("start", start);
                }
            }
            case SHIFTED_PAGE -> {
                if (body.path("offset").asInt(0) > 0 && body.has("total_count") && !items.isEmpty()) {
                    items.remove(0);
                    body.put("total_count", body.get("total_count").asInt() - 1);
                }
            }
            default -> throw new IllegalArgumentException(kind + " does not poison lists");
        }
        return new Reply(reply.status(), body, reply.headers());
    }

    private static void zeroTotal(ObjectNode body) {
        if (body.has("total_count")) {
            body.put("total_count", 0);
        }
    }

    private static String query(URI uri, String name) {
        String raw = uri.getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
