package dev.regionguard.operator;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;

/**
 * Asks the Kubernetes API for its version once, within seconds and without retries, so that a
 * missing or wrong kubeconfig is one line naming what was tried instead of a minute of retries.
 */
public final class ClusterCheck {
    private static final int TIMEOUT_MS = 5_000;

    private ClusterCheck() {}

    /** Empty when the API answers; otherwise one line: the server, where it came from, and why it failed. */
    static Optional<String> problem(Config config) {
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(quick(config)).build()) {
            client.getKubernetesVersion();
            return Optional.empty();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 401 || e.getCode() == 403) {
                return Optional.of("the Kubernetes API at " + config.getMasterUrl() + " (" + source(config)
                        + ") refused the credentials (" + e.getCode() + ")");
            }
            if (e.getCode() > 0) {
                return Optional.empty(); // it answered: an API without /version (the embedded one) is still an API
            }
            return Optional.of("cannot reach the Kubernetes API at " + config.getMasterUrl() + " (" + source(config)
                    + "): " + cause(e));
        }
    }

    /** {@code config} answering within {@code TIMEOUT_MS} or failing, without retries: for commands a person waits on. */
    public static Config quick(Config config) {
        return new ConfigBuilder(config)
                .withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(TIMEOUT_MS)
                .withRequestTimeout(TIMEOUT_MS)
                .build();
    }

    /** Where the server came from: a kubeconfig and its context, the pod's service account, or nowhere. */
    static String source(Config config) {
        if (config.getFile() != null) {
            NamedContext context = config.getCurrentContext();
            return "context " + (context == null ? "(none)" : context.getName()) + " of kubeconfig " + config.getFile();
        }
        if (System.getenv("KUBERNETES_SERVICE_HOST") != null) {
            return "in-cluster service account";
        }
        return "no kubeconfig found (KUBECONFIG unset, no ~/.kube/config) and not in a pod";
    }

    /** The root cause of a failed call, in one line. */
    public static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
            return "host not found";
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("");
    }
}
