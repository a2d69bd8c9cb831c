package dev.regionguard.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What regional references become on one target, as named tables of "from" to "to" (e.g.
 * {@code registryHost}: {@code us.icr.io} to {@code de.icr.io}). The service's translation step
 * reads them; a value with no entry stays as it is, for the region independence audit to report.
 * Built from validated spec fields only: no table ever holds a host the user typed freely.
 *
 * @param region the target's region, null when unknown (tests of the engine alone)
 * @param tables table name to "from" to "to"
 */
public record Overrides(String region, Map<String, Map<String, String>> tables) {
    /** No region known, nothing declared: every reference stays as it is. */
    public static final Overrides NONE = new Overrides(null, Map.of());

    public Overrides {
        TreeMap<String, Map<String, String>> copy = new TreeMap<>();
        tables.forEach((name, table) -> {
            if (!table.isEmpty()) {
                copy.put(name, Map.copyOf(new TreeMap<>(table)));
            }
        });
        tables = java.util.Collections.unmodifiableMap(copy);
    }

    /** The table, empty when none is declared. */
    public Map<String, String> table(String name) {
        return tables.getOrDefault(name, Map.of());
    }

    public Optional<String> lookup(String table, String from) {
        return from == null
                ? Optional.empty()
                : Optional.ofNullable(table(table).get(from));
    }

    /** Changes whenever any entry changes: part of the watermarks' name, so a change re-compares. */
    public String digest() {
        if (tables.isEmpty()) {
            return "";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((region + "\0").getBytes(StandardCharsets.UTF_8));
            tables.forEach((name, table) -> new TreeMap<>(table).forEach((k, v) -> {
                sha.update((name + "\0" + k + "\0" + v + "\0").getBytes(StandardCharsets.UTF_8));
            }));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
