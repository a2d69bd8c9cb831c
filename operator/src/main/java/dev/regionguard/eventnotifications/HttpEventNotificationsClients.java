package dev.regionguard.eventnotifications;

import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IbmHttp;
import java.util.Objects;

/**
 * Makes {@link HttpEventNotificationsClient}s that share one {@link IbmHttp}: one connection pool,
 * one token cache and one per-region concurrency limit.
 */
public final class HttpEventNotificationsClients implements EventNotificationsClients {
    private final Endpoints endpoints;
    private final IbmHttp http;

    public HttpEventNotificationsClients(Endpoints endpoints, IbmHttp http) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Production wiring: OkHttp from {@code settings}, IAM at {@code endpoints.iamTokenUrl()}. */
    public static HttpEventNotificationsClients create(
            Endpoints endpoints, HttpSettings settings, CallObserver observer) {
        return new HttpEventNotificationsClients(endpoints, IbmHttp.create(endpoints, settings, observer));
    }

    /** @throws IllegalArgumentException when {@code region} is not a region name */
    @Override
    public EventNotificationsClient forInstance(String region, String instanceId, ApiKey apiKey) {
        return new HttpEventNotificationsClient(http, endpoints.eventNotifications(region), region, instanceId, apiKey);
    }
}
