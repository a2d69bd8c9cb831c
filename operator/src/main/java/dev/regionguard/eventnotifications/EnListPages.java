package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.cloud.http.IbmRequest;
import dev.regionguard.cloud.http.ListPages;
import dev.regionguard.cloud.http.PagedListCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import okhttp3.HttpUrl;

/** Reads an Event Notifications collection to its end, page by page, and refuses a list that does not add up. */
final class EnListPages {
    static final int PAGE_SIZE = 100;
    /** 1,000,000 items: far beyond any instance, so hitting it means the server's paging loops. */
    private static final int MAX_PAGES = 10_000;

    private final IbmHttp http;
    private final String baseUrl;
    private final String region;
    private final ApiKey apiKey;

    EnListPages(IbmHttp http, String baseUrl, String region, ApiKey apiKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.region = region;
        this.apiKey = apiKey;
    }

    /**
     * Reads every page ({@code limit=100}, the next {@code offset} taken from {@code next.href})
     * until a page has no {@code next}. Any failing page fails the whole list: a partial list
     * would look like deleted entities to the sync.
     */
    List<ObjectNode> listAll(Function<IbmRequest.Builder, IbmRequest.Builder> collection, String listKey) {
        List<ObjectNode> items = new ArrayList<>();
        PagedListCheck check = new PagedListCheck(listKey, this::unexpected);
        long offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            IbmRequest request = collection
                    .apply(IbmRequest.get(region, baseUrl))
                    .query("limit", String.valueOf(PAGE_SIZE))
                    .query("offset", String.valueOf(offset))
                    .build();
            ObjectNode body = http.execute(apiKey, request).bodyObject();
            int read = ListPages.addItems(body, listKey, items, this::unexpected);
            Long next = nextOffset(body);
            JsonNode total = body.get("total_count");
            if (total == null || !total.canConvertToLong()) {
                throw unexpected(listKey + " list page without total_count");
            }
            check.page(
                    offset == 0 ? null : String.valueOf(offset),
                    read,
                    Math.min(PAGE_SIZE, body.path("limit").asInt(PAGE_SIZE)),
                    total.asLong(),
                    next != null);
            if (next == null) {
                return items;
            }
            if (next <= offset) {
                throw unexpected("list paging does not advance (offset " + offset + " then " + next + ")");
            }
            offset = next;
        }
        throw unexpected("list has more than " + MAX_PAGES + " pages");
    }

    /** The {@code offset} of {@code next.href}, or null on the last page. */
    private Long nextOffset(ObjectNode page) {
        JsonNode next = page.get("next");
        if (next == null || next.isNull()) {
            return null;
        }
        String href = next.path("href").asText("");
        HttpUrl url = href.isEmpty() ? null : HttpUrl.get(baseUrl).resolve(href);
        String offset = url == null ? null : url.queryParameter("offset");
        if (offset == null || !offset.matches("\\d{1,18}")) {
            throw unexpected("next page link without a numeric offset");
        }
        return Long.parseLong(offset);
    }

    IbmApiException unexpected(String message) {
        return new IbmApiException(200, ErrorCategory.UNEXPECTED, null, message, null, region, null, null);
    }
}
