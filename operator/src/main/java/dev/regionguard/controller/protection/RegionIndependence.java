package dev.regionguard.controller.protection;

import dev.regionguard.api.AcceptedRegionReference;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionIndependenceSpec;
import dev.regionguard.api.RegionReferenceFinding;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.audit.AcceptedReferences;
import dev.regionguard.audit.ReferenceMemory;
import dev.regionguard.audit.RegionReference;
import dev.regionguard.audit.RegionReferenceScanner;
import dev.regionguard.sync.SyncOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The region independence audit of a protection: after a pass, each reached standby's copy is
 * scanned for references to the protection's other regions ({@link RegionReferenceScanner}); the
 * status lists them per standby and sums them up in the {@code RegionIndependent} condition.
 */
final class RegionIndependence {
    static final int MAX_LISTED = 20;
    private static final int MAX_IN_MESSAGE = 3;

    private RegionIndependence() {}

    /** After a pass: what it saw of each reached standby, scanned into the protection's memory. */
    static void audit(ReferenceMemory memory, Sides sides, SyncOutcome outcome) {
        if (sides == null || outcome.source().error() != null) {
            return; // nothing was compared: what earlier passes found stays
        }
        Set<String> regions = sides.byRegion().keySet();
        for (SyncOutcome.Target target : outcome.targets()) {
            if (!target.reached()) {
                continue;
            }
            RegionReferenceScanner scanner = new RegionReferenceScanner(target.name(), regions);
            Map<String, Map<String, List<RegionReference>>> scanned = new HashMap<>();
            target.copy().seen().forEach((kind, byKey) -> {
                Map<String, List<RegionReference>> found = scanned.computeIfAbsent(kind, k -> new HashMap<>());
                byKey.forEach((key, entity) -> found.put(key, scanner.scan(kind, key, entity)));
            });
            memory.update(target.name(), scanned, target.copy().present());
        }
        memory.retain(sides.targets().stream().map(s -> s.region()).collect(Collectors.toSet()));
    }

    /**
     * After a pass, fills each standby's findings from the memory (or carries the previous ones over
     * for a standby not audited since the operator started); then returns the condition. A blocked
     * pass carries the previous standbys, findings included.
     */
    static Condition report(
            ProtectionStatus next,
            ProtectionStatus previous,
            boolean synced,
            ReferenceMemory memory,
            RegionIndependenceSpec spec) {
        AcceptedReferences accepted = accepted(spec);
        for (StandbyStatus s : synced ? next.standbys : List.<StandbyStatus>of()) {
            if (memory.audited(s.region)) {
                fill(s, memory.references(s.region), accepted);
            } else {
                carry(s, previous);
            }
        }
        return condition(next.standbys);
    }

    private static void fill(StandbyStatus s, List<RegionReference> all, AcceptedReferences accepted) {
        List<RegionReference> open =
                all.stream().filter(r -> !accepted.accepts(r)).toList();
        s.regionReferences = open.stream()
                .limit(MAX_LISTED)
                .map(r -> new RegionReferenceFinding(r.kind(), r.name(), r.field(), r.region(), r.value()))
                .collect(Collectors.toCollection(ArrayList::new));
        s.regionReferenceCount = open.size();
        s.acceptedRegionReferenceCount = all.size() - open.size();
    }

    private static void carry(StandbyStatus s, ProtectionStatus previous) {
        if (previous == null || previous.standbys == null) {
            return;
        }
        previous.standbys.stream()
                .filter(p -> Objects.equals(p.region, s.region))
                .findFirst()
                .ifPresent(p -> {
                    s.regionReferences = p.regionReferences;
                    s.regionReferenceCount = p.regionReferenceCount;
                    s.acceptedRegionReferenceCount = p.acceptedRegionReferenceCount;
                });
    }

    private static Condition condition(List<StandbyStatus> standbys) {
        int total = 0;
        int accepted = 0;
        List<String> firsts = new ArrayList<>();
        List<String> withReferences = new ArrayList<>();
        List<String> notAudited = new ArrayList<>();
        for (StandbyStatus s : standbys) {
            if (s.regionReferenceCount == null) {
                notAudited.add(s.region);
                continue;
            }
            total += s.regionReferenceCount;
            accepted += s.acceptedRegionReferenceCount == null ? 0 : s.acceptedRegionReferenceCount;
            if (s.regionReferenceCount > 0) {
                withReferences.add(s.region);
            }
            for (RegionReferenceFinding f : s.regionReferences) {
                if (firsts.size() < MAX_IN_MESSAGE) {
                    firsts.add(s.region + " " + f.kind + "/" + f.name + " " + f.field + " -> " + f.region);
                }
            }
        }
        if (total > 0) {
            return Conditions.of(
                    Conditions.REGION_INDEPENDENT,
                    false,
                    "ForeignRegionReferences",
                    total + (total == 1 ? " reference" : " references") + " to another region on "
                            + String.join(", ", withReferences) + " (" + String.join("; ", firsts)
                            + (total > firsts.size() ? "; ..." : "") + ")");
        }
        if (standbys.isEmpty() || !notAudited.isEmpty()) {
            return Conditions.unknown(
                    Conditions.REGION_INDEPENDENT,
                    "NotAudited",
                    "no audit yet of the copy on "
                            + (standbys.isEmpty() ? "any standby" : String.join(", ", notAudited)));
        }
        return Conditions.of(
                Conditions.REGION_INDEPENDENT,
                true,
                "NoForeignReferences",
                "no standby refers to another region"
                        + (accepted > 0 ? " (" + accepted + " accepted by spec.regionIndependence)" : ""));
    }

    private static AcceptedReferences accepted(RegionIndependenceSpec spec) {
        if (spec == null || spec.acceptedReferences == null) {
            return AcceptedReferences.NONE;
        }
        List<AcceptedReferences.Accepted> list = new ArrayList<>();
        for (AcceptedRegionReference a : spec.acceptedReferences) {
            if (a != null && a.kind != null) {
                list.add(new AcceptedReferences.Accepted(a.kind, a.name, a.field));
            }
        }
        return AcceptedReferences.of(list);
    }
}
