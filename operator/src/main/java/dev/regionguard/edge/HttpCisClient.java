package dev.regionguard.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.cloud.http.IbmRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * CIS's v1 API of one instance over {@link IbmHttp}: {@code <cis>/v1/{crn}/...}, the CRN as one
 * URL-encoded segment, answers in CIS's envelope ({@code success}, {@code errors}, {@code result}).
 * CIS is global, so its calls share one concurrency limit under the name {@code global}.
 */
public final class HttpCisClient implements CisClient {
    static final String GLOBAL = "global";
    private static final int PER_PAGE = 50;
    /** 2,500 zones: far beyond an instance (CIS plans allow a handful), so more means a paging loop. */
    private static final int MAX_PAGES = 50;

    private final IbmHttp http;
    private final String baseUrl;
    private final String crn;
    private final ApiKey apiKey;

    public HttpCisClient(IbmHttp http, String baseUrl, String crn, ApiKey apiKey) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.crn = Objects.requireNonNull(crn, "crn");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public Optional<String> zoneId(String name) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode body = http.execute(
                            apiKey,
                            instance(IbmRequest.get(GLOBAL, baseUrl))
                                    .path("zones")
                                    .query("page", String.valueOf(page))
                                    .query("per_page", String.valueOf(PER_PAGE))
                                    .build())
                    .body();
            JsonNode zones = results(body);
            for (JsonNode zone : zones) {
                if (name.equals(zone.path("name").asText())) {
                    return Optional.of(zone.path("id").asText());
                }
            }
            if (zones.size() < PER_PAGE) {
                return Optional.empty();
            }
        }
        throw unexpected("the zone list has more than " + MAX_PAGES + " pages");
    }

    @Override
    public Optional<ObjectNode> loadBalancer(String zoneId, String name) {
        JsonNode body = http.execute(
                        apiKey,
                        instance(IbmRequest.get(GLOBAL, baseUrl))
                                .path("zones")
                                .id(zoneId)
                                .path("load_balancers")
                                .build())
                .body();
        for (JsonNode balancer : results(body)) {
            if (balancer instanceof ObjectNode object
                    && name.equals(balancer.path("name").asText())) {
                return Optional.of(object);
            }
        }
        return Optional.empty();
    }

    @Override
    public ObjectNode pool(String poolId) {
        return result(http.execute(
                        apiKey,
                        pools(IbmRequest.get(GLOBAL, baseUrl)).id(poolId).build())
                .body());
    }

    @Override
    public ObjectNode monitor(String monitorId) {
        IbmRequest request = instance(IbmRequest.get(GLOBAL, baseUrl))
                .path("load_balancers/monitors")
                .id(monitorId)
                .build();
        return result(http.execute(apiKey, request).body());
    }

    @Override
    public ObjectNode replacePool(String poolId, ObjectNode pool) {
        IbmRequest request =
                pools(IbmRequest.put(GLOBAL, baseUrl)).id(poolId).jsonBody(pool).build();
        return result(http.execute(apiKey, request).body());
    }

    @Override
    public ObjectNode replaceLoadBalancer(String zoneId, String loadBalancerId, ObjectNode loadBalancer) {
        IbmRequest request = instance(IbmRequest.put(GLOBAL, baseUrl))
                .path("zones")
                .id(zoneId)
                .path("load_balancers")
                .id(loadBalancerId)
                .jsonBody(loadBalancer)
                .build();
        return result(http.execute(apiKey, request).body());
    }

    private IbmRequest.Builder instance(IbmRequest.Builder request) {
        return request.path("v1").id(crn);
    }

    private IbmRequest.Builder pools(IbmRequest.Builder request) {
        return instance(request).path("load_balancers/pools");
    }

    private ObjectNode result(JsonNode body) {
        if (body.path("result") instanceof ObjectNode result) {
            return result;
        }
        throw unexpected("the answer has no result object");
    }

    private JsonNode results(JsonNode body) {
        JsonNode result = body.path("result");
        if (!result.isArray()) {
            throw unexpected("the answer has no result list");
        }
        return result;
    }

    private static IbmApiException unexpected(String message) {
        return new IbmApiException(0, ErrorCategory.UNEXPECTED, null, "CIS: " + message, null, GLOBAL, null, null);
    }
}
