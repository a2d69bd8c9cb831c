package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SMTP users RegionGuard created on one instance, one Secret each in the protection's namespace,
 * owned by the protection (deleted with it): {@code <protection>-smtp-<region>-<hash>} with the keys
 * {@code username}, {@code password}, {@code domain}, {@code smtpConfigId} and {@code userId}. The
 * application reads it to switch its SMTP credentials after a failover. Values are never logged.
 */
public final class SmtpUserSecrets implements SmtpPasswords {
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String PROTECTION_UID = "regionguard.dev/protection-uid";
    static final String REGION = "regionguard.dev/region";
    static final String COMPONENT = "regionguard.dev/component";
    static final String SMTP_USER = "smtp-user";
    static final String INSTANCE = "regionguard.dev/instance-id";
    static final String USER = "regionguard.dev/smtp-user-id";
    private static final int MAX_NAME = 253;

    private final KubernetesClient client;
    private final HasMetadata protection;
    private final String region;
    private final String instanceId;

    public SmtpUserSecrets(KubernetesClient client, HasMetadata protection, String region, String instanceId) {
        this.client = client;
        this.protection = protection;
        this.region = region;
        this.instanceId = instanceId;
    }

    /** The Secrets of this instance, sorted by name. */
    public List<Secret> secrets() {
        return client
                .secrets()
                .inNamespace(protection.getMetadata().getNamespace())
                .withLabel(PROTECTION_UID, protection.getMetadata().getUid())
                .withLabel(REGION, region)
                .withLabel(COMPONENT, SMTP_USER)
                .list()
                .getItems()
                .stream()
                .filter(s -> instanceId.equals(annotation(s, INSTANCE)))
                .sorted((a, b) ->
                        a.getMetadata().getName().compareTo(b.getMetadata().getName()))
                .toList();
    }

    @Override
    public Set<String> storedUserIds() {
        return secrets().stream().map(s -> annotation(s, USER)).collect(Collectors.toSet());
    }

    @Override
    public void store(ObjectNode created) {
        String userId = EnJson.text(created, "id");
        String password = EnJson.text(created, "password");
        if (userId == null || password == null) {
            throw new IllegalStateException("IBM's answer to the SMTP user create carries no id or no password");
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("username", EnJson.text(created, "username"));
        data.put("password", password);
        data.put("domain", EnJson.text(created, "domain"));
        data.put("smtpConfigId", EnJson.text(created, "smtp_config_id"));
        data.put("userId", userId);
        data.values().removeIf(v -> v == null);
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(name(userId))
                .withNamespace(protection.getMetadata().getNamespace())
                .addToLabels(MANAGED_BY, "regionguard")
                .addToLabels(PROTECTION_UID, protection.getMetadata().getUid())
                .addToLabels(REGION, region)
                .addToLabels(COMPONENT, SMTP_USER)
                .addToAnnotations(INSTANCE, instanceId)
                .addToAnnotations(USER, userId)
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(protection.getApiVersion())
                        .withKind(protection.getKind())
                        .withName(protection.getMetadata().getName())
                        .withUid(protection.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .endMetadata()
                .withType("Opaque")
                .withStringData(data)
                .build();
        client.secrets().resource(secret).createOr(c -> c.update());
    }

    @Override
    public void forget(String userId) {
        client.secrets()
                .inNamespace(protection.getMetadata().getNamespace())
                .withName(name(userId))
                .delete();
    }

    /** {@code <protection>-smtp-<region>-<10 hex of the instance and user>}, the protection cut to fit. */
    String name(String userId) {
        String suffix = "-smtp-" + region + "-" + hash(instanceId + "/" + userId);
        String prefix = protection.getMetadata().getName();
        String cut = prefix.substring(0, Math.min(prefix.length(), MAX_NAME - suffix.length()));
        return cut.replaceAll("[.-]+$", "") + suffix; // a name part may not end in '.' or '-'
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String annotation(Secret secret, String key) {
        Map<String, String> annotations = secret.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
