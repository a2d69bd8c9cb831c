package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.cloud.http.IbmRequest;
import dev.regionguard.cloud.http.ListPages;
import dev.regionguard.cloud.http.PagedListCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * The Event Notifications admin API (v1) of one instance over {@link IbmHttp}. Paths are
 * {@code <base>/v1/instances/{instance}/<kind.path()>}; bodies pass through unchanged, except that
 * destinations go as multipart/form-data.
 */
public final class HttpEventNotificationsClient implements EventNotificationsClient {
    static final int PAGE_SIZE = 100;
    /** 1,000,000 items: far beyond any instance, so hitting it means the server's paging loops. */
    private static final int MAX_PAGES = 10_000;

    private final IbmHttp http;
    private final String baseUrl;
    private final String region;
    private final String instanceId;
    private final ApiKey apiKey;

    /** @param baseUrl the region's EN base URL, e.g. {@code Endpoints.eventNotifications(region)} */
    public HttpEventNotificationsClient(IbmHttp http, String baseUrl, String region, String instanceId, ApiKey apiKey) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.region = Objects.requireNonNull(region, "region");
        if (instanceId == null || instanceId.isBlank()) {
            throw new IllegalArgumentException("instance ID is empty");
        }
        this.instanceId = instanceId;
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public List<ObjectNode> list(EnKind kind) {
        requireTopLevel(kind);
        return listAll(start -> collection(start, kind), kind.listKey());
    }

    @Override
    public ObjectNode get(EnKind kind, String id) {
        requireTopLevel(kind);
        return call(collection(IbmRequest.get(region, baseUrl), kind).id(id));
    }

    @Override
    public ObjectNode create(EnKind kind, ObjectNode body, List<FilePart> files) {
        requireTopLevel(kind);
        IbmRequest.Builder request = collection(IbmRequest.post(region, baseUrl), kind);
        return call(withBody(request, kind, body, files, true));
    }

    @Override
    public ObjectNode update(EnKind kind, String id, ObjectNode body, List<FilePart> files) {
        requireTopLevel(kind);
        IbmRequest.Builder start = kind.updateMethod() == EnKind.UpdateMethod.PUT
                ? IbmRequest.put(region, baseUrl)
                : IbmRequest.patch(region, baseUrl);
        return call(withBody(collection(start, kind).id(id), kind, body, files, false));
    }

    @Override
    public void delete(EnKind kind, String id) {
        requireTopLevel(kind);
        if (!kind.deletable()) {
            throw new IllegalArgumentException(kind + " has no DELETE endpoint");
        }
        http.execute(
                apiKey,
                collection(IbmRequest.delete(region, baseUrl), kind)
                        .id(id)
                        .expectStatus(204)
                        .build());
    }

    @Override
    public List<ObjectNode> listSmtpUsers(String smtpConfigId) {
        return listAll(start -> smtpUsers(start, smtpConfigId), EnKind.SMTP_USER.listKey());
    }

    @Override
    public ObjectNode getSmtpUser(String smtpConfigId, String userId) {
        return call(smtpUsers(IbmRequest.get(region, baseUrl), smtpConfigId).id(userId));
    }

    @Override
    public ObjectNode createSmtpUser(String smtpConfigId, ObjectNode body) {
        return call(smtpUsers(IbmRequest.post(region, baseUrl), smtpConfigId).jsonBody(body));
    }

    @Override
    public ObjectNode updateSmtpUser(String smtpConfigId, String userId, ObjectNode body) {
        return call(smtpUsers(IbmRequest.patch(region, baseUrl), smtpConfigId)
                .id(userId)
                .jsonBody(body));
    }

    @Override
    public void deleteSmtpUser(String smtpConfigId, String userId) {
        http.execute(
                apiKey,
                smtpUsers(IbmRequest.delete(region, baseUrl), smtpConfigId)
                        .id(userId)
                        .expectStatus(204)
                        .build());
    }

    @Override
    public ObjectNode verifyDomain(EnKind kind, String id, String type) {
        if (kind != EnKind.DESTINATION && kind != EnKind.SMTP_CONFIG) {
            throw new IllegalArgumentException(kind + " has no domain to verify");
        }
        return call(collection(IbmRequest.patch(region, baseUrl), kind)
                .id(id)
                .path("verify")
                .query("type", type));
    }

    @Override
    public ObjectNode upgradeSandboxDestination(String destinationId, String domain) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("domain", domain);
        return call(collection(IbmRequest.patch(region, baseUrl), EnKind.DESTINATION)
                .id(destinationId)
                .path("upgrade")
                .jsonBody(body));
    }

    @Override
    public ObjectNode testDestination(String destinationId) {
        // sends a real test event: repeating it after an ambiguous failure would send a second one
        return call(collection(IbmRequest.post(region, baseUrl), EnKind.DESTINATION)
                .id(destinationId)
                .path("test")
                .idempotent(false)
                .expectStatus(200, 202));
    }

    @Override
    public int probe() {
        IbmRequest request = collection(IbmRequest.get(region, baseUrl), EnKind.SOURCE)
                .query("limit", "1")
                .build();
        JsonNode total = http.execute(apiKey, request).bodyObject().get("total_count");
        if (total == null || !total.canConvertToInt()) {
            throw unexpected("source list without total_count");
        }
        return total.intValue();
    }

    @Override
    public String toString() {
        return "HttpEventNotificationsClient(" + region + ", " + instanceId + ")";
    }

    private IbmRequest.Builder instance(IbmRequest.Builder start) {
        return start.path("v1/instances").id(instanceId);
    }

    private IbmRequest.Builder collection(IbmRequest.Builder start, EnKind kind) {
        return instance(start).path(kind.path());
    }

    private IbmRequest.Builder smtpUsers(IbmRequest.Builder start, String smtpConfigId) {
        return collection(start, EnKind.SMTP_CONFIG).id(smtpConfigId).path(EnKind.SMTP_USER.path());
    }

    private ObjectNode call(IbmRequest.Builder request) {
        return http.execute(apiKey, request.build()).bodyObject();
    }

    private static IbmRequest.Builder withBody(
            IbmRequest.Builder request, EnKind kind, ObjectNode body, List<FilePart> files, boolean forCreate) {
        Objects.requireNonNull(body, "body");
        List<FilePart> parts = files == null ? List.of() : files;
        if (kind.multipart()) {
            return request.multipartBody(DestinationForm.of(body, parts, forCreate));
        }
        if (!parts.isEmpty()) {
            throw new IllegalArgumentException(kind + " takes no files");
        }
        return request.jsonBody(body);
    }

    /**
     * Reads every page ({@code limit=100}, the next {@code offset} taken from {@code next.href})
     * until a page has no {@code next}. Any failing page fails the whole list: a partial list
     * would look like deleted entities to the sync.
     */
    private List<ObjectNode> listAll(Function<IbmRequest.Builder, IbmRequest.Builder> collection, String listKey) {
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

    private IbmApiException unexpected(String message) {
        return new IbmApiException(200, ErrorCategory.UNEXPECTED, null, message, null, region, null, null);
    }

    private static void requireTopLevel(EnKind kind) {
        if (kind == EnKind.SMTP_USER) {
            throw new IllegalArgumentException(
                    "SMTP users live under an SMTP configuration: use the *SmtpUser methods");
        }
    }
}
