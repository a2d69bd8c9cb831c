package dev.regionguard.controller.protection;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The Secrets and ConfigMaps protections reference (API keys, destination secrets, template
 * bodies), read by name only: RegionGuard needs no list or watch of the cluster's Secrets and
 * ConfigMaps for them, and caches nothing it was not asked for. Each object is read again at most
 * every {@link #REFRESH}; a protection's pass runs at least every max reconcile interval and its
 * fingerprint holds the resourceVersions, so a changed object is synced within about both periods.
 */
public final class ReferencedObjects<P extends HasMetadata> {
    /** How long a read object is used before it is read again: one GET per object and period, however many name it. */
    public static final Duration REFRESH = Duration.ofSeconds(10);

    /** A missing object is asked again sooner: it is usually being created right now. */
    static final Duration MISSING_REFRESH = Duration.ofSeconds(2);

    private volatile NamedObjectCache<Secret> secrets;
    private volatile NamedObjectCache<ConfigMap> configMaps;

    /** Reads through {@code client} from now on (the operator's, once its event sources are prepared). */
    void readWith(KubernetesClient client) {
        secrets = cache(
                (ns, name) -> client.secrets().inNamespace(ns).withName(name).get());
        configMaps = cache(
                (ns, name) -> client.configMaps().inNamespace(ns).withName(name).get());
    }

    public Optional<Secret> secret(String namespace, String name) {
        return secrets.get(namespace, name);
    }

    public Optional<ConfigMap> configMap(String namespace, String name) {
        return configMaps.get(namespace, name);
    }

    private static <T> NamedObjectCache<T> cache(BiFunction<String, String, T> read) {
        return new NamedObjectCache<>(read, REFRESH, MISSING_REFRESH, System::nanoTime);
    }
}
