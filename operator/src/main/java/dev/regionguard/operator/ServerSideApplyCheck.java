package dev.regionguard.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Whether the Kubernetes API takes server-side apply, asked once at start with a dry-run apply that
 * stores nothing. A real API server answers 200/201 (it creates what an apply names), or 403 when
 * RBAC stands in the way, or a 404 Status naming the missing namespace. An API without apply (such as
 * Fabric8's mock server) answers 415 for an object that exists and a bare 404 for one that does not.
 */
final class ServerSideApplyCheck {
    static final String PROBE_NAME = "regionguard-server-side-apply-check";
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;
    private static final int NOT_FOUND = 404;

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
            return e.getCode() != UNSUPPORTED_MEDIA_TYPE && !(e.getCode() == NOT_FOUND && !namesTheNamespace(e));
        }
    }

    private static boolean namesTheNamespace(KubernetesClientException e) {
        return e.getStatus() != null
                && e.getStatus().getDetails() != null
                && "namespaces".equals(e.getStatus().getDetails().getKind());
    }
}
