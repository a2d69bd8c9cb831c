package dev.regionguard.controller.protection;

import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.spec.Blocked;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads API keys from Secrets. Messages name the Secret and key, never the value. */
public final class Credentials {
    private Credentials() {}

    public static ApiKey apiKey(ReferencedObjects<? extends HasMetadata> objects, String namespace, SecretKeyRef ref)
            throws Blocked {
        if (ref == null || ref.name == null) {
            throw Blocked.spec("credentialsSecretRef.name is required");
        }
        String key = ref.key == null ? new SecretKeyRef().key : ref.key; // the CRD default
        Secret secret = objects.secret(namespace, ref.name)
                .orElseThrow(() ->
                        Blocked.credentials("SecretNotFound", "Secret " + namespace + "/" + ref.name + " not found"));
        Optional<String> value = SecretData.get(secret, key);
        if (value.isEmpty() || value.get().isBlank()) {
            throw Blocked.credentials(
                    "SecretKeyMissing", "Secret " + namespace + "/" + ref.name + " has no key '" + key + "'");
        }
        return new ApiKey(value.get());
    }

    /** Decoded access to Secret data ({@code data} is Base64, {@code stringData} is plain). */
    public static final class SecretData {
        private SecretData() {}

        public static Optional<String> get(Secret secret, String key) {
            return bytes(secret, key).map(b -> new String(b, StandardCharsets.UTF_8));
        }

        public static Optional<byte[]> bytes(Secret secret, String key) {
            if (secret.getData() != null && secret.getData().containsKey(key)) {
                return Optional.of(Base64.getDecoder().decode(secret.getData().get(key)));
            }
            if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
                return Optional.of(secret.getStringData().get(key).getBytes(StandardCharsets.UTF_8));
            }
            return Optional.empty();
        }
    }
}
