package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Code Engine's token pagination: {@code limit} (1-100, default 50) and an opaque {@code start}.
 * Items are sorted by key and the token names the last key served, so a page stays correct when
 * items before it are created or deleted between calls.
 */
record TokenPage(int limit, String startAfter) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    private static final String TOKEN_PREFIX = "after:";

    static TokenPage from(Map<String, String> query) {
        int limit = DEFAULT_LIMIT;
        String text = query.get("limit");
        if (text != null && !text.isEmpty()) {
            try {
                limit = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit must be an integer");
            }
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        String start = query.get("start");
        return new TokenPage(limit, start == null || start.isEmpty() ? null : decode(start));
    }

    private static String decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                return text.substring(TOKEN_PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.badRequest("start is not a page token of this list");
    }

    private static String encode(String lastKey) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((TOKEN_PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code {limit, first{href}, <listKey>[], next{href, start}}}; no {@code next} on the last page.
     * {@code sorted} is in key order; {@code filters} are query parameters kept in the links.
     */
    <T> ObjectNode render(
            String listKey,
            List<T> sorted,
            Function<T, String> key,
            Function<T, ObjectNode> view,
            String collectionUrl,
            Map<String, String> filters) {
        List<T> remaining = startAfter == null
                ? sorted
                : sorted.stream()
                        .filter(item -> key.apply(item).compareTo(startAfter) > 0)
                        .toList();
        List<T> page = remaining.subList(0, Math.min(limit, remaining.size()));
        ObjectNode body = Json.object();
        body.put("limit", limit);
        body.putObject("first").put("href", href(collectionUrl, filters, null));
        ArrayNode items = body.putArray(listKey);
        page.stream().map(view).forEach(items::add);
        if (remaining.size() > page.size()) {
            String start = encode(key.apply(page.get(page.size() - 1)));
            body.putObject("next")
                    .put("href", href(collectionUrl, filters, start))
                    .put("start", start);
        }
        return body;
    }

    private String href(String collectionUrl, Map<String, String> filters, String start) {
        StringBuilder href = new StringBuilder(collectionUrl).append("?limit=").append(limit);
        filters.forEach((name, value) ->
                href.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        if (start != null) {
            href.append("&start=").append(start);
        }
        return href.toString();
    }
}
