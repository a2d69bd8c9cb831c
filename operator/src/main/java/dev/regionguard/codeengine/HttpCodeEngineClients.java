package dev.regionguard.codeengine;

import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IbmHttp;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes {@link HttpCodeEngineClient}s that share one {@link IbmHttp}: one connection pool, one
 * token cache and one per-region concurrency limit (share it with the Event Notifications
 * clients too).
 */
public final class HttpCodeEngineClients implements CodeEngineClients {
    /** Terraform and the SDK tests poll CE every 5 to 10 s. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    private final Endpoints endpoints;
    private final IbmHttp http;
    private final Duration pollInterval;

    public HttpCodeEngineClients(Endpoints endpoints, IbmHttp http) {
        this(endpoints, http, DEFAULT_POLL_INTERVAL);
    }

    public HttpCodeEngineClients(Endpoints endpoints, IbmHttp http, Duration pollInterval) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.http = Objects.requireNonNull(http, "http");
        this.pollInterval = new Polling(pollInterval).interval();
    }

    /** Production wiring: OkHttp from {@code settings}, IAM at {@code endpoints.iamTokenUrl()}. */
    public static HttpCodeEngineClients create(Endpoints endpoints, HttpSettings settings, CallObserver observer) {
        return new HttpCodeEngineClients(endpoints, IbmHttp.create(endpoints, settings, observer));
    }

    /** @throws IllegalArgumentException when {@code region} is not a region name */
    @Override
    public CodeEngineClient forProject(String region, String projectId, ApiKey apiKey) {
        return new HttpCodeEngineClient(http, endpoints.codeEngine(region), region, projectId, apiKey, pollInterval);
    }
}
