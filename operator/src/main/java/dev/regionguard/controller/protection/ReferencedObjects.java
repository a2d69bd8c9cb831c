package dev.regionguard.controller.protection;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Secrets and ConfigMaps protections reference (API keys, destination secrets, template
 * bodies): cached by informers, and a change to one re-reconciles every protection naming it.
 */
public final class ReferencedObjects<P extends HasMetadata> {
    private final Function<P, Set<String>> secretNames;
    private final Function<P, Set<String>> configMapNames;
    private InformerEventSource<Secret, P> secrets;
    private InformerEventSource<ConfigMap, P> configMaps;

    public ReferencedObjects(Function<P, Set<String>> secretNames, Function<P, Set<String>> configMapNames) {
        this.secretNames = secretNames;
        this.configMapNames = configMapNames;
    }

    public List<EventSource<?, P>> eventSources(EventSourceContext<P> context) {
        Class<P> primary = context.getPrimaryResourceClass();
        secrets = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Secret.class, primary)
                        .withName("referenced-secrets")
                        .withNamespacesInheritedFromController()
                        .withSecondaryToPrimaryMapper((Secret s) -> referencing(context, s.getMetadata(), secretNames))
                        .build(),
                context);
        configMaps = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(ConfigMap.class, primary)
                        .withName("referenced-configmaps")
                        .withNamespacesInheritedFromController()
                        .withSecondaryToPrimaryMapper(
                                (ConfigMap c) -> referencing(context, c.getMetadata(), configMapNames))
                        .build(),
                context);
        return List.of(secrets, configMaps);
    }

    public Optional<Secret> secret(String namespace, String name) {
        return secrets.get(new ResourceID(name, namespace));
    }

    public Optional<ConfigMap> configMap(String namespace, String name) {
        return configMaps.get(new ResourceID(name, namespace));
    }

    private Set<ResourceID> referencing(
            EventSourceContext<P> context, ObjectMeta meta, Function<P, Set<String>> names) {
        return context.getPrimaryCache()
                .list(meta.getNamespace())
                .filter(p -> names.apply(p).contains(meta.getName()))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }
}
