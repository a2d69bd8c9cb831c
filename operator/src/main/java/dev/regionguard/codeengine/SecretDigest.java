package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stands in for secret values wherever resources are compared: equal data gives equal digests
 * within this process. Keyed with a random per-process key, so a digest that ends up in a log
 * cannot be used to guess a short value offline; nothing keeps digests across restarts.
 */
final class SecretDigest {
    private static final byte[] KEY = randomKey();

    private SecretDigest() {}

    /** HMAC-SHA256 over the members of {@code data} in key order. */
    static String of(JsonNode data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            TreeSet<String> keys = new TreeSet<>();
            for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            for (String key : keys) {
                JsonNode value = data.get(key);
                mac.update(key.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
                mac.update((value.isTextual() ? value.asText() : value.toString()).getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
