package dev.regionguard.failover;

import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionRef;

/** A RegionFailover's identity and spec, as the state machine reads them. */
public record FailoverRequest(
        String name,
        long generation,
        ProtectionRef protection,
        FailoverType type,
        String targetRegion,
        boolean force,
        String reason,
        boolean automatic) {}
