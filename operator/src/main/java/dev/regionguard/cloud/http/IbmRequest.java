package dev.regionguard.cloud.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionguard.cloud.ErrorCategory;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * One IBM Cloud API call, independent of the service: method, region, URL, body, extra headers.
 * The URL is built from literal segments and IDs so the call also knows its low-cardinality
 * route ({@code /v1/instances/{id}/topics}) for metrics. Immutable; its body can be sent again.
 */
public final class IbmRequest {
    static final MediaType JSON = MediaType.get("application/json");
    static final MediaType MERGE_PATCH = MediaType.get("application/merge-patch+json");

    private final String method;
    private final String region;
    private final HttpUrl url;
    private final String route;
    private final Headers headers;
    private final RequestBody body;
    private final boolean idempotent;
    private final Set<Integer> expectedStatuses;

    private IbmRequest(Builder b) {
        this.method = b.method;
        this.region = b.region;
        this.url = b.url.build();
        this.route = b.route.length() == 0 ? "/" : b.route.toString();
        this.headers = b.headers.build();
        this.body = b.body != null || !requiresBody(b.method) ? b.body : RequestBody.create(new byte[0], null);
        this.idempotent = b.idempotent != null ? b.idempotent : !b.method.equals("POST");
        this.expectedStatuses = b.expectedStatuses;
    }

    public static Builder get(String region, String baseUrl) {
        return new Builder("GET", region, baseUrl);
    }

    public static Builder post(String region, String baseUrl) {
        return new Builder("POST", region, baseUrl);
    }

    public static Builder put(String region, String baseUrl) {
        return new Builder("PUT", region, baseUrl);
    }

    public static Builder patch(String region, String baseUrl) {
        return new Builder("PATCH", region, baseUrl);
    }

    public static Builder delete(String region, String baseUrl) {
        return new Builder("DELETE", region, baseUrl);
    }

    public String method() {
        return method;
    }

    public String region() {
        return region;
    }

    public String url() {
        return url.toString();
    }

    /** The path below the base URL with every ID as {@code {id}}. */
    public String route() {
        return route;
    }

    /** Whether repeating the call after an ambiguous failure is harmless (false for POST by default). */
    public boolean idempotent() {
        return idempotent;
    }

    /** True when {@code status} is what this call should answer (any 2xx unless narrowed). */
    public boolean expects(int status) {
        return expectedStatuses.isEmpty() ? status >= 200 && status < 300 : expectedStatuses.contains(status);
    }

    Request toOkHttp(String bearerToken, String userAgent) {
        return new Request.Builder()
                .url(url)
                .headers(headers)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .method(method, body)
                .build();
    }

    /** No URL query, headers or body: those may carry secrets. */
    @Override
    public String toString() {
        return method + " " + route + " (" + region + ")";
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    public static final class Builder {
        private final String method;
        private final String region;
        private final HttpUrl.Builder url;
        private final StringBuilder route = new StringBuilder();
        private final Headers.Builder headers = new Headers.Builder();
        private RequestBody body;
        private Boolean idempotent;
        private Set<Integer> expectedStatuses = Set.of();

        private Builder(String method, String region, String baseUrl) {
            this.method = method.toUpperCase(Locale.ROOT);
            this.region = Objects.requireNonNull(region, "region");
            HttpUrl base = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
            if (base == null) {
                throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
            }
            this.url = base.newBuilder();
        }

        /** Literal path segments, e.g. {@code "v1/instances"}: kept as they are in the route. */
        public Builder path(String segments) {
            for (String segment : segments.split("/")) {
                if (!segment.isEmpty()) {
                    url.addPathSegment(segment);
                    route.append('/').append(segment);
                }
            }
            return this;
        }

        /** One ID or name segment (URL-encoded); the route shows {@code {id}}. */
        public Builder id(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("an ID in the path is empty");
            }
            url.addPathSegment(value);
            route.append("/{id}");
            return this;
        }

        public Builder query(String name, String value) {
            url.addQueryParameter(name, value);
            return this;
        }

        /** An extra header such as {@code If-Match}; Authorization, Accept and User-Agent are set for you. */
        public Builder header(String name, String value) {
            headers.set(name, value);
            return this;
        }

        public Builder jsonBody(JsonNode json) {
            return body(RequestBody.create(Json.bytes(json), JSON));
        }

        /** RFC 7396 JSON merge patch (Code Engine updates): a null removes a field. */
        public Builder mergePatchBody(JsonNode json) {
            return body(RequestBody.create(Json.bytes(json), MERGE_PATCH));
        }

        public Builder multipartBody(MultipartForm form) {
            return body(form.toRequestBody());
        }

        /** Overrides the default (POST is not idempotent, everything else is). */
        public Builder idempotent(boolean value) {
            this.idempotent = value;
            return this;
        }

        /** Narrows success to these statuses; another 2xx then fails as {@link ErrorCategory#UNEXPECTED}. */
        public Builder expectStatus(int... statuses) {
            this.expectedStatuses = IntStream.of(statuses).boxed().collect(Collectors.toUnmodifiableSet());
            return this;
        }

        public IbmRequest build() {
            if (body != null && method.equals("GET")) {
                throw new IllegalStateException("GET has no body");
            }
            return new IbmRequest(this);
        }

        private Builder body(RequestBody requestBody) {
            this.body = requestBody;
            return this;
        }
    }
}
