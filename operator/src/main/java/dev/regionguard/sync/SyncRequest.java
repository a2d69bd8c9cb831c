package dev.regionguard.sync;

import java.util.List;

/** One pass: from one source into each target, over the types in restore order. */
public record SyncRequest(
        EntityStore source,
        List<SyncTarget> targets,
        List<EntityType> types,
        SyncPolicy policy,
        MaterialSource material) {}
