package dev.regionguard.edge;

import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.http.IbmHttp;
import java.util.Objects;

/** Makes {@link HttpCisClient}s that share the operator's {@link IbmHttp} (connections, tokens, limits). */
public final class HttpCisClients implements CisClients {
    private final Endpoints endpoints;
    private final IbmHttp http;

    public HttpCisClients(Endpoints endpoints, IbmHttp http) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public CisClient forInstance(String instanceCrn, ApiKey apiKey) {
        return new HttpCisClient(http, endpoints.cis(), instanceCrn, apiKey);
    }
}
