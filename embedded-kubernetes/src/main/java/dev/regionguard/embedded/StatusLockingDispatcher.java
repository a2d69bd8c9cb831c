package dev.regionguard.embedded;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;

/**
 * The mock server's store, with one thing a real API server does and the mock does not: a PUT of a
 * status subresource naming a resourceVersion other than the stored one is refused with 409 (the
 * mock checks the version on the main resource only). Optimistic status writes then behave here as
 * they do against Kubernetes. Writes are taken one at a time, so the check and the write are one step.
 */
final class StatusLockingDispatcher extends KubernetesMixedDispatcher {
    private static final String STATUS = "/status";
    private final Object writes = new Object();

    StatusLockingDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
        super(responses);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (request.method() == HttpMethod.GET) {
            return super.dispatch(request); // reads and watches never wait for a write
        }
        synchronized (writes) {
            String path = withoutQuery(request.getPath());
            if (request.method() == HttpMethod.PUT && path.endsWith(STATUS)) {
                String stored = storedVersion(path.substring(0, path.length() - STATUS.length()));
                String claimed = versionOf(request.getBody().getBytes());
                if (stored != null && claimed != null && !claimed.isEmpty() && !claimed.equals(stored)) {
                    return conflict(path);
                }
            }
            return super.dispatch(request);
        }
    }

    private String storedVersion(String path) {
        MockResponse current = super.dispatch(new RecordedRequest(
                "HTTP/1.1", HttpMethod.GET, path, Headers.builder().build(), new Buffer()));
        return current.code() == HttpURLConnection.HTTP_OK
                ? versionOf(current.getBody().getBytes())
                : null;
    }

    private static String versionOf(byte[] json) {
        GenericKubernetesResource resource =
                Serialization.unmarshal(new String(json, StandardCharsets.UTF_8), GenericKubernetesResource.class);
        return resource == null || resource.getMetadata() == null
                ? null
                : resource.getMetadata().getResourceVersion();
    }

    private static String withoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static MockResponse conflict(String path) {
        Status status = new StatusBuilder()
                .withStatus("Failure")
                .withReason("Conflict")
                .withCode(HttpURLConnection.HTTP_CONFLICT)
                .withMessage("Operation cannot be fulfilled on " + path
                        + ": the object has been modified; please apply your changes to the latest version and try"
                        + " again")
                .build();
        return new MockResponse()
                .setResponseCode(HttpURLConnection.HTTP_CONFLICT)
                .setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(status));
    }
}
