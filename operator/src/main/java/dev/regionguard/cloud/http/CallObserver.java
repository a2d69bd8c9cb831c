package dev.regionguard.cloud.http;

import java.time.Duration;

/**
 * Told about every HTTP exchange with IBM Cloud (each attempt of a retried call, and IAM token
 * requests under region {@code global}), e.g. to feed metrics. Must be fast and must not throw.
 */
@FunctionalInterface
public interface CallObserver {

    CallObserver NONE = (region, method, route, status, elapsed) -> {};

    /**
     * @param route  the path with IDs and names replaced by {@code {id}}, e.g.
     *               {@code /v1/instances/{id}/topics/{id}}, so metric labels stay few
     * @param status the HTTP status, or 0 when no answer came back
     */
    void onCall(String region, String method, String route, int status, Duration elapsed);
}
