package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.cloud.http.IbmRequest;
import dev.regionguard.cloud.http.IbmResponse;
import dev.regionguard.cloud.http.ListPages;
import dev.regionguard.cloud.http.PagedListCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;

/**
 * The Code Engine v2 API of one project over {@link IbmHttp}. Paths are
 * {@code <base>/projects/{project}/<kind.path()>[/{name}]}; bodies pass through unchanged.
 */
public final class HttpCodeEngineClient implements CodeEngineClient {
    static final int PAGE_SIZE = 100;
    /** 1,000,000 items: far beyond any project, so hitting it means the server's paging loops. */
    private static final int MAX_PAGES = 10_000;

    private final IbmHttp http;
    private final String baseUrl;
    private final String region;
    private final String projectId;
    private final ApiKey apiKey;
    private final Polling polling;

    /**
     * @param baseUrl      the region's CE base URL, e.g. {@code Endpoints.codeEngine(region)}
     * @param pollInterval time between the GETs of {@link #awaitDeleted} and {@link #awaitApp}
     */
    public HttpCodeEngineClient(
            IbmHttp http, String baseUrl, String region, String projectId, ApiKey apiKey, Duration pollInterval) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.region = Objects.requireNonNull(region, "region");
        if (projectId == null || projectId.isBlank()) {
            throw new IllegalArgumentException("project ID is empty");
        }
        this.projectId = projectId;
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.polling = new Polling(pollInterval);
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String projectId() {
        return projectId;
    }

    @Override
    public ObjectNode project() {
        return http.execute(apiKey, project(IbmRequest.get(region, baseUrl)).build())
                .bodyObject();
    }

    @Override
    public List<ObjectNode> list(CeKind kind) {
        List<ObjectNode> items = new ArrayList<>();
        PagedListCheck check = new PagedListCheck(kind.listKey(), this::unexpected);
        String start = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            IbmRequest.Builder request =
                    collection(IbmRequest.get(region, baseUrl), kind).query("limit", String.valueOf(PAGE_SIZE));
            if (start != null) {
                request.query("start", start);
            }
            ObjectNode body = http.execute(apiKey, request.build()).bodyObject();
            String next = nextStart(body);
            int read = ListPages.addItems(body, kind.listKey(), items, this::unexpected);
            // Code Engine lists have no total_count: cycles and short middle pages are what shows
            check.page(start, read, pageLimit(body), null, next != null);
            if (next == null) {
                return items;
            }
            check.next(next);
            start = next;
        }
        throw unexpected("list has more than " + MAX_PAGES + " pages");
    }

    @Override
    public ObjectNode get(CeKind kind, String nameOrId) {
        return versioned(http.execute(
                apiKey,
                collection(IbmRequest.get(region, baseUrl), kind).id(nameOrId).build()));
    }

    @Override
    public ObjectNode create(CeKind kind, ObjectNode body) {
        Objects.requireNonNull(body, "body");
        IbmRequest request = collection(IbmRequest.post(region, baseUrl), kind)
                .jsonBody(body)
                .expectStatus(200, 201, 202)
                .build();
        return versioned(http.execute(apiKey, request));
    }

    @Override
    public ObjectNode update(CeKind kind, String name, ObjectNode body, String etag) {
        Objects.requireNonNull(body, "body");
        if (etag == null || etag.isBlank()) {
            throw new IllegalArgumentException("an update needs the entity tag it is based on (or *)");
        }
        IbmRequest.Builder request = switch (kind.updateStyle()) {
            case MERGE_PATCH ->
                collection(IbmRequest.patch(region, baseUrl), kind).id(name).mergePatchBody(body);
            case PUT ->
                collection(IbmRequest.put(region, baseUrl), kind).id(name).jsonBody(body);
            case NONE -> throw new IllegalArgumentException(kind + " cannot be updated; delete and create it");
        };
        return versioned(http.execute(apiKey, request.header("If-Match", etag).build()));
    }

    @Override
    public ObjectNode runJob(String jobName) {
        ObjectNode body = CeJson.NODES.objectNode().put("job_name", jobName);
        // a repeated POST after an ambiguous failure would start a second run
        return http.execute(
                        apiKey,
                        project(IbmRequest.post(region, baseUrl))
                                .path("job_runs")
                                .jsonBody(body)
                                .idempotent(false)
                                .expectStatus(200, 201, 202)
                                .build())
                .bodyObject();
    }

    @Override
    public Optional<ObjectNode> awaitJobRun(String runName, Duration timeout) {
        return polling.until(timeout, region, () -> {
            ObjectNode run = http.execute(
                            apiKey,
                            project(IbmRequest.get(region, baseUrl))
                                    .path("job_runs")
                                    .id(runName)
                                    .build())
                    .bodyObject();
            String status = CeJson.text(run, "status");
            return "completed".equals(status) || "failed".equals(status) ? Optional.of(run) : Optional.empty();
        });
    }

    @Override
    public void delete(CeKind kind, String nameOrId) {
        IbmRequest.Builder request =
                collection(IbmRequest.delete(region, baseUrl), kind).id(nameOrId);
        if (kind.takesKeepServiceAccess()) {
            request.query("keep_service_access", "true");
        }
        http.execute(apiKey, request.expectStatus(200, 202, 204).build());
    }

    @Override
    public void awaitDeleted(CeKind kind, String nameOrId, Duration timeout) {
        Optional<Boolean> gone = polling.until(timeout, region, () -> {
            try {
                get(kind, nameOrId);
                return Optional.empty();
            } catch (IbmApiException e) {
                if (e.category() == ErrorCategory.NOT_FOUND) {
                    return Optional.of(true);
                }
                throw e;
            }
        });
        if (gone.isEmpty()) {
            throw new CeWaitFailedException(
                    CeWaitFailedException.DELETE_NOT_FINISHED,
                    kindName(kind) + " " + nameOrId + " still exists " + Polling.describe(timeout)
                            + " after its delete",
                    region);
        }
    }

    @Override
    public CompletableFuture<ObjectNode> awaitApp(String name, Duration timeout, Executor executor) {
        AtomicReference<ObjectNode> last = new AtomicReference<>();
        return polling.untilAsync(timeout, executor, () -> {
                    last.set(get(CeKind.APP, name));
                    return CeAppStatus.of(last.get()).settled() ? Optional.of(last.get()) : Optional.empty();
                })
                .thenApply(settled -> settled.orElseThrow(() -> new CeWaitFailedException(
                        CeWaitFailedException.APP_NOT_READY,
                        "app " + name + " not ready after " + Polling.describe(timeout) + " ("
                                + CeAppStatus.describe(last.get()) + ")",
                        region)));
    }

    @Override
    public String toString() {
        return "HttpCodeEngineClient(" + region + ", " + projectId + ")";
    }

    private IbmRequest.Builder project(IbmRequest.Builder start) {
        return start.path("projects").id(projectId);
    }

    private IbmRequest.Builder collection(IbmRequest.Builder start, CeKind kind) {
        return project(start).path(kind.path());
    }

    /** The body, with the {@code ETag} header as {@code entity_tag} when the body has none. */
    private static ObjectNode versioned(IbmResponse response) {
        ObjectNode body = response.bodyObject();
        if (CeJson.text(body, "entity_tag") == null) {
            response.header("ETag").filter(tag -> !tag.isBlank()).ifPresent(tag -> body.put("entity_tag", tag));
        }
        return body;
    }

    /** {@code next.start}, else the {@code start} of {@code next.href}; null on the last page. */
    private String nextStart(ObjectNode page) {
        JsonNode next = page.get("next");
        if (next == null || next.isNull()) {
            return null;
        }
        String start = CeJson.text(next, "start");
        if (start == null) {
            String href = CeJson.text(next, "href");
            HttpUrl url = href == null ? null : HttpUrl.get(baseUrl).resolve(href);
            start = url == null ? null : url.queryParameter("start");
        }
        if (start == null || start.isBlank()) {
            throw unexpected("next page without a start token");
        }
        return start;
    }

    /** The page's own limit where it says one below the one asked for. */
    private static int pageLimit(ObjectNode body) {
        return Math.min(PAGE_SIZE, body.path("limit").asInt(PAGE_SIZE));
    }

    private IbmApiException unexpected(String message) {
        return new IbmApiException(200, ErrorCategory.UNEXPECTED, null, message, null, region, null, null);
    }

    static String kindName(CeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
