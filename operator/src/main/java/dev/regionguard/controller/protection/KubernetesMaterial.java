package dev.regionguard.controller.protection;

import dev.regionguard.api.DestinationSecretRef;
import dev.regionguard.api.TemplateBodyRef;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.sync.Material;
import dev.regionguard.sync.MaterialSource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Write-only material of Event Notifications entities, from the Secrets and ConfigMaps a
 * protection references: destination secrets by destination name, template bodies by template
 * name. A referenced object that does not exist yields no material and a problem to report.
 */
public final class KubernetesMaterial implements MaterialSource {
    /** Secret keys that are multipart file parts rather than config params. */
    private static final Set<String> FILE_KEYS = Set.of(
            "certificate",
            "icon_16x16",
            "icon_16x16_2x",
            "icon_32x32",
            "icon_32x32_2x",
            "icon_128x128",
            "icon_128x128_2x");

    private final Map<String, Material> destinations = new HashMap<>();
    private final Map<String, Material> templates = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    public KubernetesMaterial(
            ReferencedObjects<?> objects,
            String namespace,
            List<DestinationSecretRef> destinationSecrets,
            List<TemplateBodyRef> templateBodies) {
        for (DestinationSecretRef ref : destinationSecrets) {
            Optional<Secret> secret = objects.secret(namespace, ref.secretName);
            if (secret.isEmpty()) {
                problems.add("Secret " + ref.secretName + " for destination " + ref.destination + " not found");
                continue;
            }
            destinations.put(ref.destination, destinationMaterial(secret.get()));
        }
        for (TemplateBodyRef ref : templateBodies) {
            templateMaterial(objects, namespace, ref)
                    .ifPresentOrElse(
                            m -> templates.put(ref.template, m),
                            () -> problems.add(origin(ref) + " for template " + ref.template
                                    + " not found or lacks key " + ref.bodyKey));
        }
    }

    @Override
    public Optional<Material> find(String typeName, String entityName) {
        return switch (typeName) {
            case "destination" -> Optional.ofNullable(destinations.get(entityName));
            case "template" -> Optional.ofNullable(templates.get(entityName));
            default -> Optional.empty();
        };
    }

    /** Referenced objects that are missing; safe to show (names only). */
    public List<String> problems() {
        return problems;
    }

    private static Material destinationMaterial(Secret secret) {
        Map<String, String> values = new TreeMap<>();
        List<FilePart> files = new ArrayList<>();
        for (String key : keys(secret)) {
            byte[] bytes = Credentials.SecretData.bytes(secret, key).orElseThrow();
            if (FILE_KEYS.contains(key)) {
                files.add(new FilePart(key, key, "application/octet-stream", bytes));
            } else {
                values.put(key, new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return Material.of(values, files, "Secret " + secret.getMetadata().getName());
    }

    private static List<String> keys(Secret secret) {
        List<String> keys = new ArrayList<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            secret.getStringData().keySet().stream()
                    .filter(k -> !keys.contains(k))
                    .forEach(keys::add);
        }
        keys.sort(null);
        return keys;
    }

    private static Optional<Material> templateMaterial(
            ReferencedObjects<?> objects, String namespace, TemplateBodyRef ref) {
        TemplateBodyRef defaults = new TemplateBodyRef();
        String bodyKey = ref.bodyKey == null ? defaults.bodyKey : ref.bodyKey;
        String subjectKey = ref.subjectKey == null ? defaults.subjectKey : ref.subjectKey;
        Map<String, String> values = new TreeMap<>();
        if (ref.configMapName != null) {
            Optional<ConfigMap> cm = objects.configMap(namespace, ref.configMapName);
            if (cm.isEmpty() || cm.get().getData() == null) {
                return Optional.empty();
            }
            putIfPresent(values, "body", cm.get().getData().get(bodyKey));
            putIfPresent(values, "subject", cm.get().getData().get(subjectKey));
        } else if (ref.secretName != null) {
            Optional<Secret> secret = objects.secret(namespace, ref.secretName);
            if (secret.isEmpty()) {
                return Optional.empty();
            }
            putIfPresent(
                    values,
                    "body",
                    Credentials.SecretData.get(secret.get(), bodyKey).orElse(null));
            putIfPresent(
                    values,
                    "subject",
                    Credentials.SecretData.get(secret.get(), subjectKey).orElse(null));
        }
        if (!values.containsKey("body")) {
            return Optional.empty();
        }
        return Optional.of(Material.of(values, List.of(), origin(ref)));
    }

    private static void putIfPresent(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static String origin(TemplateBodyRef ref) {
        return ref.configMapName != null ? "ConfigMap " + ref.configMapName : "Secret " + ref.secretName;
    }
}
