package dev.regionguard.controller.failover;

import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import dev.regionguard.failover.AutomaticFailoverPolicy;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.Locale;

/**
 * The RegionFailover the operator creates for an automatic failover, so that automatic and manual
 * failovers run through the same state machine and leave the same record. Building it is pure; the
 * wiring creates it, and only when no RegionFailover of the protection is unfinished.
 */
public final class AutomaticFailoverRequest {
    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL_VALUE = 63;
    private static final int MAX_REASON = 1024;

    private AutomaticFailoverRequest() {}

    /** Named {@code <protection>-auto-<epoch second>}: one per decision, readable in kubectl get rfo. */
    public static RegionFailover build(
            ProtectionKind kind,
            String protection,
            String namespace,
            AutomaticFailoverPolicy.Decision decision,
            Instant now) {
        String suffix = "-auto-" + now.getEpochSecond();
        String prefix = protection.length() + suffix.length() > MAX_NAME
                ? protection.substring(0, MAX_NAME - suffix.length())
                : protection;
        ObjectMetaBuilder metadata = new ObjectMetaBuilder()
                .withName((prefix.replaceAll("[-.]+$", "") + suffix).toLowerCase(Locale.ROOT))
                .withNamespace(namespace)
                .addToLabels(RegionFailover.TRIGGER_LABEL, RegionFailover.AUTOMATIC);
        if (protection.length() <= MAX_LABEL_VALUE) {
            metadata.addToLabels(RegionFailover.PROTECTION_LABEL, protection);
        }
        RegionFailoverSpec spec = new RegionFailoverSpec();
        spec.protectionRef = new ProtectionRef(kind, protection);
        spec.type = FailoverType.Failover;
        spec.targetRegion = decision.targetRegion();
        spec.force = false;
        spec.reason = decision.reason().length() <= MAX_REASON
                ? decision.reason()
                : decision.reason().substring(0, MAX_REASON - 3) + "...";
        RegionFailover rfo = new RegionFailover();
        rfo.setMetadata(metadata.build());
        rfo.setSpec(spec);
        return rfo;
    }
}
