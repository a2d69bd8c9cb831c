package dev.regionguard.controller.protection;

import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.spec.SyncSettings;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.SyncRequest;
import dev.regionguard.sync.SyncTarget;
import dev.regionguard.sync.Watermarks;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the sync requests of a protection: a regular pass to every target, or a failover's final sync to one. */
final class SyncRequests<P extends HasMetadata> {
    private final ProtectedService<P, ?> service;

    SyncRequests(ProtectedService<P, ?> service) {
        this.service = service;
    }

    /** From the active side to every side not fenced, with the watermarks of each direction. */
    SyncRequest pass(
            P protection,
            SyncSettings settings,
            Sides sides,
            ProtectionRuntimes.Runtime runtime,
            boolean fullCompare,
            Integer baseline) {
        List<SyncTarget> targets = new ArrayList<>();
        for (ProtectedSide side : sides.targets()) {
            Overrides overrides = service.overrides(protection, side.region());
            targets.add(new SyncTarget(
                    side.region(),
                    service.store(protection, side, sides.keys().get(side.region())),
                    runtime.watermarks(SyncMemoryRecords.direction(sides, side), overrides.digest()),
                    overrides));
        }
        return request(protection, settings, sides.source(), sides.sourceKey(), targets, fullCompare, baseline);
    }

    /** A full comparison from one region to another, whatever the topology says. */
    SyncRequest finalSync(P protection, SyncSettings settings, Sides all, String from, String to, Integer baseline) {
        ProtectedSide target = all.byRegion().get(to);
        SyncTarget syncTarget = new SyncTarget(
                to,
                service.store(protection, target, all.keys().get(to)),
                new Watermarks(),
                service.overrides(protection, to));
        return request(
                protection,
                settings,
                all.byRegion().get(from),
                all.keys().get(from),
                List.of(syncTarget),
                true,
                baseline);
    }

    private SyncRequest request(
            P protection,
            SyncSettings settings,
            ProtectedSide source,
            ApiKey sourceKey,
            List<SyncTarget> targets,
            boolean fullCompare,
            Integer baseline) {
        return new SyncRequest(
                service.store(protection, source, sourceKey),
                targets,
                settings.types(),
                settings.policy(fullCompare, baseline, confirmedCount(protection), typeBaselines(protection)),
                service.material(protection));
    }

    /** The per-type baselines the last pass left in status; none before the first pass. */
    private static Map<String, Integer> typeBaselines(HasMetadata protection) {
        return protection instanceof CustomResource<?, ?> resource
                        && resource.getStatus() instanceof ProtectionStatus status
                        && status.primaryInventoryByType != null
                ? status.primaryInventoryByType
                : Map.of();
    }

    private static Integer confirmedCount(HasMetadata protection) {
        Map<String, String> annotations = protection.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(Protections.CONFIRM_PRIMARY_COUNT);
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
