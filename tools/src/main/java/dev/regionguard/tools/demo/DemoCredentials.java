package dev.regionguard.tools.demo;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.SecretKeyRef;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The API key a demo protection's Secret holds: the simulator tells callers apart by it (partitions). */
final class DemoCredentials {
    private DemoCredentials() {}

    static String apiKeyOf(KubernetesClient k8s, EventNotificationsProtection protection) {
        SecretKeyRef ref = protection.getSpec().credentialsSecretRef;
        String key = ref.key == null ? "apikey" : ref.key;
        Secret secret = k8s.secrets()
                .inNamespace(protection.getMetadata().getNamespace())
                .withName(ref.name)
                .get();
        if (secret != null
                && secret.getStringData() != null
                && secret.getStringData().containsKey(key)) {
            return secret.getStringData().get(key).trim();
        }
        if (secret == null || secret.getData() == null || !secret.getData().containsKey(key)) {
            throw new IllegalStateException("Secret " + ref.name + " has no key " + key);
        }
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8).trim();
    }
}
