package dev.regionguard.controller.protection;

import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.failover.ActiveRegionRecord;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ledger of a protection as a ConfigMap in its namespace, {@code regionguard-ledger-enp-NAME} or
 * {@code regionguard-ledger-cep-NAME}. It has no owner reference on purpose: it must outlive the
 * protection so that a re-created one learns which region is really active. Read from the API (not a
 * cache) before every pass; written with the resourceVersion it was read at, so a concurrent writer
 * gets a conflict instead of losing an update.
 */
final class LedgerStore {
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String KIND_LABEL = "regionguard.dev/protection-kind";
    private static final String ACTIVE = "activeRegion";
    private static final String EPOCH = "epoch";
    private static final String FENCED = "fencedRegions";
    private static final String PENDING = "pendingFences";
    private static final String SIDE = "side.";

    /** What was read, and the version a write must match (null: create). */
    record Read(ActiveRegionRecord record, String resourceVersion) {}

    static String name(ProtectionKind kind, String protection) {
        return "regionguard-ledger-" + kind.shortName() + "-" + protection;
    }

    static Read read(KubernetesClient client, ProtectionKind kind, HasMetadata protection) {
        ConfigMap map = client.configMaps()
                .inNamespace(protection.getMetadata().getNamespace())
                .withName(name(kind, protection.getMetadata().getName()))
                .get();
        if (map == null) {
            return new Read(null, null);
        }
        Map<String, String> data = map.getData() == null ? Map.of() : map.getData();
        if (data.get(ACTIVE) == null || data.get(EPOCH) == null) {
            return new Read(null, map.getMetadata().getResourceVersion()); // unreadable: rewritten from the topology
        }
        SortedMap<String, String> sides = new TreeMap<>();
        data.forEach((k, v) -> {
            if (k.startsWith(SIDE)) {
                sides.put(k.substring(SIDE.length()), v);
            }
        });
        long epoch;
        try {
            epoch = Long.parseLong(data.get(EPOCH).trim());
        } catch (NumberFormatException e) { // edited by hand: hold (the pass fails) rather than guess
            throw new IllegalStateException(
                    "ConfigMap " + map.getMetadata().getName() + " has an unreadable epoch: " + data.get(EPOCH));
        }
        ActiveRegionRecord record =
                new ActiveRegionRecord(data.get(ACTIVE), epoch, list(data.get(FENCED)), list(data.get(PENDING)), sides);
        return new Read(record, map.getMetadata().getResourceVersion());
    }

    /** Creates or replaces the ledger; fails with a 409 when someone wrote it since {@code read}. */
    static void write(
            KubernetesClient client, ProtectionKind kind, HasMetadata protection, Read read, ActiveRegionRecord next) {
        Map<String, String> data = new TreeMap<>();
        data.put(ACTIVE, next.activeRegion());
        data.put(EPOCH, String.valueOf(next.epoch()));
        data.put(FENCED, String.join(",", next.fencedRegions()));
        data.put(PENDING, String.join(",", next.pendingFences()));
        next.sides().forEach((region, id) -> data.put(SIDE + region, id));
        ConfigMap map = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name(kind, protection.getMetadata().getName()))
                .withNamespace(protection.getMetadata().getNamespace())
                .withResourceVersion(read.resourceVersion())
                .addToLabels(MANAGED_BY, "regionguard")
                .addToLabels(KIND_LABEL, kind.name())
                .addToLabels(
                        RegionFailover.PROTECTION_LABEL,
                        protection.getMetadata().getName())
                .endMetadata()
                .withData(data)
                .build();
        if (read.resourceVersion() == null) {
            client.resource(map).create();
        } else {
            client.resource(map).update();
        }
    }

    private static SortedSet<String> list(String value) {
        SortedSet<String> regions = new TreeSet<>();
        if (value != null) {
            Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(regions::add);
        }
        return regions;
    }
}
