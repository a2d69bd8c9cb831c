package dev.regionguard.sync;

import dev.regionguard.cloud.FilePart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Write-only data for one entity, read from a Kubernetes Secret or ConfigMap.
 * {@code toString} never shows values.
 *
 * @param values  key to value, e.g. {@code routing_key}, {@code header.Authorization}, {@code body}
 * @param files   file parts, e.g. {@code certificate}
 * @param digest  a digest of values and files, to notice when the material changes
 * @param origin  where it came from, for messages: {@code Secret pagerduty-keys}
 */
public record Material(Map<String, String> values, List<FilePart> files, String digest, String origin) {

    /** Material with its SHA-256 digest over the sorted values and files. */
    public static Material of(Map<String, String> values, List<FilePart> files, String origin) {
        Map<String, String> sorted = new TreeMap<>(values);
        List<FilePart> orderedFiles =
                files.stream().sorted(Comparator.comparing(FilePart::name)).toList();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sorted.forEach((k, v) -> update(sha, k, v.getBytes(StandardCharsets.UTF_8)));
            orderedFiles.forEach(f -> update(sha, "file:" + f.name(), f.content()));
            return new Material(sorted, orderedFiles, HexFormat.of().formatHex(sha.digest()), origin);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void update(MessageDigest sha, String key, byte[] value) {
        sha.update(key.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(value);
        sha.update((byte) 0);
    }

    @Override
    public String toString() {
        return "Material[" + origin + ", keys=" + values.keySet() + "]";
    }
}
