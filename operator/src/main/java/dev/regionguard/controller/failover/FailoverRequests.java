package dev.regionguard.controller.failover;

import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import dev.regionguard.failover.FailoverRequest;
import java.util.Map;
import java.util.Optional;

/** Reads a RegionFailover object into the plain request the pure state machine decides from. */
public final class FailoverRequests {
    private FailoverRequests() {}

    /** The protection a RegionFailover names, when its spec names one of a known kind. */
    public static Optional<ProtectionRef> target(RegionFailover rfo) {
        return Optional.ofNullable(rfo.getSpec())
                .map(spec -> spec.protectionRef)
                .filter(ref -> ref.kind != null && ref.name != null);
    }

    /** True when the RegionFailover names the protection of that kind and name in its own namespace. */
    public static boolean refersTo(RegionFailover rfo, ProtectionKind kind, String name) {
        return target(rfo)
                .filter(ref -> ref.kind == kind && ref.name.equals(name))
                .isPresent();
    }

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
