package dev.regionguard.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A client of the same Kubernetes API that records every request it sends: given to the operator
 * ({@link OperatorHarness#restartOperator(KubernetesClient)}), it shows what the operator asks of
 * the API, for the least-privilege tests.
 */
public final class RecordingKubernetesClient implements AutoCloseable {
    /** One request: its method and URI. */
    public record Request(String method, URI uri) {
        /** A GET of a collection of secrets or configmaps (the path ends with the resource): a list or a watch. */
        public boolean listsOrWatches() {
            return method.equals("GET")
                    && (uri.getPath().endsWith("/secrets") || uri.getPath().endsWith("/configmaps"));
        }

        public boolean watches() {
            String query = uri.getRawQuery();
            return query != null && (query.contains("watch=true") || query.contains("watch=1"));
        }
    }

    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final KubernetesClient client;

    public RecordingKubernetesClient(KubernetesClient api) {
        client = new KubernetesClientBuilder()
                .withConfig(api.getConfiguration())
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("record", new Interceptor() {
                    @Override
                    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                        requests.add(new Request(request.method(), request.uri()));
                    }
                }))
                .build();
    }

    public KubernetesClient client() {
        return client;
    }

    /** What was sent so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        client.close();
    }
}
