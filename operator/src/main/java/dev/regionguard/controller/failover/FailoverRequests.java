package dev.regionguard.controller.failover;

import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import dev.regionguard.failover.FailoverRequest;
import java.util.Map;

/** Reads a RegionFailover object into the plain request the pure state machine decides from. */
public final class FailoverRequests {
    private FailoverRequests() {}

    public static FailoverRequest of(RegionFailover rfo) {
        RegionFailoverSpec spec = rfo.getSpec();
        Map<String, String> labels = rfo.getMetadata().getLabels();
        boolean automatic = labels != null && RegionFailover.AUTOMATIC.equals(labels.get(RegionFailover.TRIGGER_LABEL));
        Long generation = rfo.getMetadata().getGeneration();
        return new FailoverRequest(
                rfo.getMetadata().getName(),
                generation == null ? 0 : generation,
                spec.protectionRef,
                spec.type,
                spec.targetRegion,
                Boolean.TRUE.equals(spec.force),
                spec.reason,
                automatic);
    }
}
