package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Offset pagination of EN list responses: limit 1-100 (default 10), offset, search, and the exact-match
 * filters of the collection ({@code filters}: name to value, only those the query has).
 */
record ListPage(int limit, int offset, String search, Map<String, String> filters) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    static final int MAX_SEARCH = 100;

    static ListPage from(Map<String, String> query) {
        return from(query, List.of());
    }

    /** {@code filterNames}: the query parameters the collection filters on. */
    static ListPage from(Map<String, String> query, List<String> filterNames) {
        int limit = integer(query, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        int offset = integer(query, "offset", 0);
        if (offset < 0) {
            throw ApiException.badRequest("offset must not be negative");
        }
        String search = query.get("search");
        if (search != null && search.length() > MAX_SEARCH) {
            throw ApiException.badRequest("search must be at most " + MAX_SEARCH + " characters");
        }
        Map<String, String> filters = new LinkedHashMap<>(); // ordered: links name them as listFilters does
        filterNames.stream()
                .filter(name -> query.get(name) != null && !query.get(name).isEmpty())
                .forEach(name -> filters.put(name, query.get(name)));
        return new ListPage(
                limit,
                offset,
                search == null || search.isEmpty() ? null : search,
                Collections.unmodifiableMap(filters));
    }

    /** Whether the stored entity has every filter's value in the field of that name. */
    boolean matchesFilters(ObjectNode stored) {
        return filters.entrySet().stream()
                .allMatch(filter ->
                        filter.getValue().equals(stored.path(filter.getKey()).textValue()));
    }

    private static int integer(Map<String, String> query, String name, int absent) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer");
        }
    }

    /**
     * The response body: {@code total_count, offset, limit, <listKey>, first, previous (offset > 0),
     * next (not on the last page)}. {@code collectionUrl} is absolute and has no query.
     */
    <T> ObjectNode render(
            String listKey,
            List<T> all,
            BiPredicate<T, String> matches,
            Function<T, ObjectNode> view,
            String collectionUrl) {
        List<T> matching = search == null
                ? all
                : all.stream().filter(item -> matches.test(item, search)).toList();
        int total = matching.size();
        ObjectNode body = Json.object();
        body.put("total_count", total);
        body.put("offset", offset);
        body.put("limit", limit);
        ArrayNode items = body.putArray(listKey);
        matching.stream().skip(offset).limit(limit).map(view).forEach(items::add);
        body.putObject("first").put("href", href(collectionUrl, 0));
        if (offset > 0) {
            body.putObject("previous").put("href", href(collectionUrl, Math.max(0, offset - limit)));
        }
        if (offset + limit < total) {
            body.putObject("next").put("href", href(collectionUrl, offset + limit));
        }
        return body;
    }

    /** Filters stay in the links, so a client that follows them pages through the same filtered list. */
    private String href(String collectionUrl, int pageOffset) {
        StringBuilder href = new StringBuilder(collectionUrl + "?limit=" + limit + "&offset=" + pageOffset);
        filters.forEach(
                (name, value) -> href.append('&').append(name).append('=').append(encode(value)));
        return search == null ? href.toString() : href + "&search=" + encode(search);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
