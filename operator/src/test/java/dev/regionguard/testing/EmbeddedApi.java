package dev.regionguard.testing;

import dev.regionguard.api.Protections;
import dev.regionguard.embedded.EmbeddedKubernetes;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded Kubernetes API with RegionGuard's CRDs, for the tests of one class that talk to the
 * API without an operator: {@code @RegisterExtension static final EmbeddedApi API = new EmbeddedApi();}
 */
public final class EmbeddedApi implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedKubernetes kubernetes;

    @Override
    public void beforeAll(ExtensionContext context) {
        kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        kubernetes.close();
    }

    public KubernetesClient client() {
        return kubernetes.client();
    }
}
