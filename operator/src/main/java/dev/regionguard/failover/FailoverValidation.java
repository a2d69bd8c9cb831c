package dev.regionguard.failover;

import dev.regionguard.api.FailoverType;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.IbmRegions;
import dev.regionguard.api.ProtectionKind;
import java.util.List;
import java.util.Optional;

/**
 * Whether a RegionFailover may run, decided once from its spec and the protection as it is now.
 *
 * <p>Failover (and Plan, which checks what a Failover would): no other failover in progress; a named
 * target must be another region of the protection; the target must be ready unless force is set.
 * Without a target the best ready standby is taken (with force, the best one even if not ready;
 * fenced regions only when named). The old active region's health does not matter: a failover must
 * work when it is down.
 *
 * <p>Relocate: no other failover in progress; the target (default: the original primary) must be the
 * original primary or a fenced region, not the active one; the active and the target region must both
 * be Healthy. force does not apply: a relocation is planned, and an outage is a Failover.
 */
final class FailoverValidation {
    private FailoverValidation() {}

    static Validation validate(FailoverRequest request, ProtectionView view) {
        if (view.failoverHolder() != null && !view.failoverHolder().equals(request.name())) {
            return new Validation.Refused(
                    "FailoverInProgress",
                    "RegionFailover " + view.failoverHolder()
                            + " is in progress for this protection; only one runs at a time");
        }
        Optional<String> notOffered = notOffered(request);
        if (notOffered.isPresent()) {
            return new Validation.Refused("InvalidTarget", notOffered.get());
        }
        return request.type() == FailoverType.Relocate ? relocate(request, view) : failover(request, view);
    }

    /** The schema accepts a region of either service; the protection's own service decides. */
    private static Optional<String> notOffered(FailoverRequest request) {
        String target = request.targetRegion();
        ProtectionKind kind = request.protection() == null ? null : request.protection().kind;
        if (target == null || kind == null || IbmRegions.of(kind).contains(target)) {
            return Optional.empty();
        }
        return Optional.of(IbmRegions.serviceName(kind) + " is not offered in " + target + "; a " + kind
                + " can only fail over to one of its standby regions (" + IbmRegions.serviceName(kind)
                + " regions: " + String.join(", ", IbmRegions.of(kind)) + ")");
    }

    private static Validation failover(FailoverRequest request, ProtectionView view) {
        String active = view.topology().activeRegion();
        List<StandbyReadiness> candidates = view.candidates();
        StandbyReadiness target;
        if (request.targetRegion() != null) {
            Optional<String> problem = TargetSelection.problemWithExplicit(request.targetRegion(), active, candidates);
            if (problem.isPresent()) {
                return new Validation.Refused("InvalidTarget", problem.get());
            }
            target = view.readinessOf(request.targetRegion());
        } else {
            List<StandbyReadiness> ranked = TargetSelection.rank(candidates);
            if (ranked.isEmpty()) {
                return new Validation.Refused(
                        "NoStandby",
                        "no standby to fail over to; a fenced region must be named in "
                                + "targetRegion, with force: true");
            }
            target = ranked.get(0);
            if (!target.ready() && !request.force()) {
                return new Validation.Refused(
                        "NoReadyStandby",
                        "no standby is ready ("
                                + String.join(
                                        "; ",
                                        ranked.stream()
                                                .map(StandbyReadiness::describe)
                                                .toList())
                                + "); set force: true to fail over to " + target.region() + " anyway");
            }
        }
        if (!target.ready() && !request.force()) {
            return new Validation.Refused(
                    "TargetNotReady",
                    target.region() + " is not ready: " + target.reason() + "; set force: true to fail over anyway");
        }
        String note = target.ready()
                ? target.region() + " is ready: " + target.reason()
                : "forced: " + target.region() + " is not ready: " + target.reason();
        return new Validation.Accepted(active, target.region(), note);
    }

    private static Validation relocate(FailoverRequest request, ProtectionView view) {
        RegionTopology topology = view.topology();
        String active = topology.activeRegion();
        String target = request.targetRegion() != null ? request.targetRegion() : topology.primaryRegion();
        if (target.equals(active)) {
            return new Validation.Refused("AlreadyActive", target + " is already the active region");
        }
        if (!target.equals(topology.primaryRegion())
                && !topology.fencedRegions().contains(target)) {
            return new Validation.Refused(
                    "InvalidTarget",
                    "Relocate moves to the original primary ("
                            + topology.primaryRegion() + ") or a fenced region " + topology.fencedRegions() + "; "
                            + target
                            + " is neither: use type Failover");
        }
        HealthState activeHealth = view.health(active);
        HealthState targetHealth = view.health(target);
        if (activeHealth != HealthState.Healthy || targetHealth != HealthState.Healthy) {
            return new Validation.Refused(
                    "RegionsNotHealthy",
                    "Relocate needs both regions Healthy: " + active + " is "
                            + activeHealth + ", " + target + " is " + targetHealth
                            + "; when the active region is down, use type Failover");
        }
        return new Validation.Accepted(
                active,
                target,
                "both regions are Healthy; a final sync from " + active + " to " + target + " runs first");
    }
}
