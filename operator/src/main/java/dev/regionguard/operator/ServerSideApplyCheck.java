package dev.regionguard.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Whether the Kubernetes API takes server-side apply, asked once at start with a dry-run apply that
 * stores nothing. Only 415 (Unsupported Media Type) means no: a real API server answers the same
 * request with 200/201, or 403/404 when RBAC or the namespace stand in the way, and still applies.
 */
final class ServerSideApplyCheck {
    static final String PROBE_NAME = "regionguard-server-side-apply-check";
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;

    private ServerSideApplyCheck() {}

    static boolean supported(KubernetesClient client, String namespace) {
        ConfigMap probe = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(PROBE_NAME)
                .withNamespace(namespace)
                .endMetadata()
                .build();
        try {
            client.configMaps()
                    .inNamespace(namespace)
                    .resource(probe)
                    .dryRun()
                    .fieldManager("regionguard")
                    .forceConflicts()
                    .serverSideApply();
            return true;
        } catch (KubernetesClientException e) {
            return e.getCode() != UNSUPPORTED_MEDIA_TYPE;
        }
    }
}
