package dev.regionguard.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watermarks of one target in a durable form, so that a restarted operator skips what did not
 * change instead of reading and writing everything again. Gzipped JSON of markers, translations and
 * material digests keyed (HMAC-SHA256, truncated to 128 bits) with a random salt of the target:
 * never a body and never a plain digest of a secret. Watermarks that report a write not applied
 * are left out (the restarted operator compares those). A record is used only for the scope it was
 * saved under (the protection, its spec generation, its active region and epoch); anything
 * unreadable is ignored, so the first pass compares in full. A stale record cannot cause a wrong
 * skip: both markers and the material must still match what the lists show.
 */
public final class DurableWatermarks {
    /** Room left in a 1 MiB Kubernetes object for metadata; larger memories stay in memory only. */
    static final int MAX_BYTES = 900 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DurableWatermarks.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SEALED = "~";
    private static final int VERSION = 1;

    /**
     * What a restart gets back: the watermarks, the digest of the regional overrides they hold for
     * (the pass starts afresh when today's differ), and when the last full comparison ran.
     */
    public record Restored(Watermarks watermarks, String overridesDigest, Instant fullCompareAt) {}

    private DurableWatermarks() {}

    /** The record of a target when there is one saved under this scope, readable. */
    public static Optional<Restored> restore(SyncMemory memory, String target, String scope) {
        try {
            byte[] data = memory.load(target);
            return data == null ? Optional.empty() : decode(data, scope);
        } catch (RuntimeException e) { // a corrupt or foreign record: the pass compares in full
            LOG.warn("sync memory of {} not used: {}", target, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Saves the watermarks when they changed since last saved; false when nothing was written. */
    public static boolean saveIfChanged(
            SyncMemory memory,
            String target,
            Watermarks watermarks,
            String scope,
            String overridesDigest,
            Instant fullCompareAt) {
        byte[] plain = encode(watermarks, scope, overridesDigest, fullCompareAt);
        String hash = sha256(plain);
        if (!watermarks.changedSinceSaved(hash)) {
            return false;
        }
        byte[] packed = gzip(plain);
        if (packed.length > MAX_BYTES) {
            LOG.warn(
                    "sync memory of {} is {} bytes, too large to keep: a restart compares in full",
                    target,
                    packed.length);
            return false;
        }
        try {
            memory.save(target, packed);
            watermarks.saved(hash);
            return true;
        } catch (RuntimeException e) { // tried again after the next pass
            LOG.warn("sync memory of {} not saved: {}", target, e.getClass().getSimpleName());
            return false;
        }
    }

    static byte[] encode(Watermarks watermarks, String scope, String overridesDigest, Instant fullCompareAt) {
        ObjectNode root = JSON.createObjectNode()
                .put("v", VERSION)
                .put("scope", scope)
                .put("overrides", overridesDigest)
                .put("salt", Base64.getEncoder().encodeToString(watermarks.salt()));
        root.put("fullCompareAt", fullCompareAt == null ? null : fullCompareAt.toString());
        ObjectNode entities = root.putObject("entities");
        watermarks.byType().forEach((type, byKey) -> {
            ArrayNode rows = entities.putArray(type);
            byKey.forEach((key, w) -> {
                if (w.notApplied() == null) {
                    rows.addArray()
                            .add(key)
                            .add(w.sourceMarker())
                            .add(w.targetMarker())
                            .add(w.materialDigest() == null ? null : watermarks.sealed(w.materialDigest()));
                }
            });
        });
        ObjectNode translations = root.putObject("translations");
        watermarks.translations().forEach((type, ids) -> {
            ObjectNode byId = translations.putObject(type);
            new java.util.TreeMap<>(ids).forEach(byId::put);
        });
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Restored> decode(byte[] packed, String scope) {
        JsonNode root;
        byte[] plain;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            plain = in.readNBytes(16 * MAX_BYTES);
            root = JSON.readTree(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null
                || root.path("v").asInt() != VERSION
                || !scope.equals(root.path("scope").asText(null))) {
            return Optional.empty(); // another version, protection, generation, active region or epoch
        }
        Watermarks watermarks = new Watermarks();
        root.path("entities")
                .fields()
                .forEachRemaining(type -> type.getValue()
                        .forEach(row -> watermarks.put(
                                type.getKey(),
                                row.get(0).asText(),
                                Watermark.matched(text(row.get(1)), text(row.get(2)), text(row.get(3))))));
        root.path("translations").fields().forEachRemaining(type -> {
            Map<String, String> ids = new HashMap<>();
            type.getValue()
                    .fields()
                    .forEachRemaining(e -> ids.put(e.getKey(), e.getValue().asText()));
            watermarks.rememberTranslation(type.getKey(), ids);
        });
        byte[] salt = Base64.getDecoder().decode(root.path("salt").asText());
        watermarks.restore(salt, sha256(plain));
        String at = text(root.get("fullCompareAt"));
        return Optional.of(
                new Restored(watermarks, text(root.get("overrides")), at == null ? null : Instant.parse(at)));
    }

    static byte[] newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** The digest keyed with the salt; a keyed digest stays as it is. */
    static String seal(byte[] salt, String digest) {
        if (digest == null || digest.startsWith(SEALED)) {
            return digest;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] full = mac.doFinal(digest.getBytes(StandardCharsets.UTF_8));
            return SEALED + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
