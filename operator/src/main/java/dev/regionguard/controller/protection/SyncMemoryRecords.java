package dev.regionguard.controller.protection;

import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.failover.RegionTopology;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.sync.DurableWatermarks;
import dev.regionguard.sync.SyncMemory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The sync memory of a protection in Kubernetes: one ConfigMap per direction,
 * {@code regionguard-sync-enp-NAME-FROM-TO} (or {@code cep}), owned by the protection so that it goes
 * with it, its gzipped record in {@code binaryData.memory}. Read by name once, when the protection's
 * runtime is new (after a start or a leader change); written at the end of a pass only when it changed.
 */
final class SyncMemoryRecords {
    static final String KEY = "memory";

    private SyncMemoryRecords() {}

    static String name(ProtectionKind kind, String protection, String direction) {
        return "regionguard-sync-" + (kind == ProtectionKind.CodeEngineProtection ? "cep-" : "enp-") + protection + "-"
                + direction.replace('>', '-');
    }

    /**
     * What a record is valid for: this protection (not a copy of another's), its spec generation, the
     * region it syncs from and the epoch.
     */
    static String scope(HasMetadata protection, RegionTopology topology) {
        return protection.getMetadata().getUid() + "/"
                + protection.getMetadata().getGeneration() + "/" + topology.activeRegion() + "/" + topology.epoch();
    }

    /** Once per runtime: the watermarks of every direction of this pass, and the last full compare. */
    static void restoreOnce(
            KubernetesClient client,
            ProtectionKind kind,
            HasMetadata protection,
            Sides sides,
            RegionTopology topology,
            ProtectionRuntimes.Runtime runtime) {
        if (!runtime.restoreDue()) {
            return;
        }
        SyncMemory memory = new Records(client, kind, protection);
        String scope = scope(protection, topology);
        Instant oldest = null;
        boolean all = true;
        for (ProtectedSide side : sides.targets()) {
            String direction = direction(sides, side);
            var restored = DurableWatermarks.restore(memory, direction, scope);
            if (restored.isPresent()) {
                runtime.restore(
                        direction, restored.get().watermarks(), restored.get().overridesDigest());
                Instant at = restored.get().fullCompareAt();
                all &= at != null;
                oldest = at == null || (oldest != null && oldest.isBefore(at)) ? oldest : at;
            } else {
                all = false;
            }
        }
        if (all && oldest != null) {
            runtime.fullCompareDone(oldest); // the schedule goes on; a direction without a record compares in full
        }
    }

    /** After a pass: each direction's record, where it changed. */
    static void save(
            KubernetesClient client,
            ProtectionKind kind,
            HasMetadata protection,
            Sides sides,
            RegionTopology topology,
            ProtectionRuntimes.Runtime runtime) {
        SyncMemory memory = new Records(client, kind, protection);
        String scope = scope(protection, topology);
        for (ProtectedSide side : sides.targets()) {
            String direction = direction(sides, side);
            DurableWatermarks.saveIfChanged(
                    memory,
                    direction,
                    runtime.watermarks(direction),
                    scope,
                    runtime.overridesDigest(direction),
                    runtime.lastFullCompare());
        }
    }

    static String direction(Sides sides, ProtectedSide target) {
        return sides.source().region() + ">" + target.region();
    }

    /** The port on one protection's ConfigMaps. */
    private record Records(KubernetesClient client, ProtectionKind kind, HasMetadata protection) implements SyncMemory {
        @Override
        public byte[] load(String direction) {
            ConfigMap map = client.configMaps()
                    .inNamespace(protection.getMetadata().getNamespace())
                    .withName(name(kind, protection.getMetadata().getName(), direction))
                    .get();
            String value = map == null || map.getBinaryData() == null
                    ? null
                    : map.getBinaryData().get(KEY);
            return value == null ? null : Base64.getDecoder().decode(value);
        }

        @Override
        public void save(String direction, byte[] encoded) {
            ConfigMap map = new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName(name(kind, protection.getMetadata().getName(), direction))
                    .withNamespace(protection.getMetadata().getNamespace())
                    .addToLabels(LedgerStore.MANAGED_BY, "regionguard")
                    .addToLabels(LedgerStore.KIND_LABEL, kind.name())
                    .addToLabels(
                            RegionFailover.PROTECTION_LABEL,
                            protection.getMetadata().getName())
                    .addToOwnerReferences(new OwnerReferenceBuilder()
                            .withApiVersion(protection.getApiVersion())
                            .withKind(protection.getKind())
                            .withName(protection.getMetadata().getName())
                            .withUid(protection.getMetadata().getUid())
                            .build())
                    .endMetadata()
                    .withBinaryData(Map.of(KEY, Base64.getEncoder().encodeToString(encoded)))
                    .build();
            client.resource(map).createOr(c -> c.update());
        }
    }
}
