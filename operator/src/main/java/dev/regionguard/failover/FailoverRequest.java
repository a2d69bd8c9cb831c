package dev.regionguard.failover;

import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import java.util.Map;

/** A RegionFailover's identity and spec, as the state machine reads them. */
public record FailoverRequest(String name, long generation, ProtectionRef protection, FailoverType type,
                              String targetRegion, boolean force, String reason, boolean automatic) {

    public static FailoverRequest of(RegionFailover rfo) {
        RegionFailoverSpec spec = rfo.getSpec();
        Map<String, String> labels = rfo.getMetadata().getLabels();
        boolean automatic = labels != null && RegionFailover.AUTOMATIC.equals(labels.get(RegionFailover.TRIGGER_LABEL));
        Long generation = rfo.getMetadata().getGeneration();
        return new FailoverRequest(rfo.getMetadata().getName(), generation == null ? 0 : generation, spec.protectionRef,
                spec.type, spec.targetRegion, Boolean.TRUE.equals(spec.force), spec.reason, automatic);
    }
}
