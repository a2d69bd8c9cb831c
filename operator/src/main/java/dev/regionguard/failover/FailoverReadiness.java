package dev.regionguard.failover;

import dev.regionguard.api.FailoverType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether a failover would be accepted now: the very validation a RegionFailover of type Failover
 * without a target and without force runs, evaluated on every pass. What on-call learns from the
 * FailoverReady condition is therefore what a failover at 3 a.m. would answer. Every standby is
 * described without the age of its last sync, so the condition changes only when readiness does.
 */
public final class FailoverReadiness {

    /** The answer, as a condition states it; {@code reason} is CamelCase. */
    public record Verdict(boolean ready, String reason, String message) {}

    private static final FailoverRequest UNFORCED_FAILOVER =
            new FailoverRequest(null, 0, null, FailoverType.Failover, null, false, null, false);

    private FailoverReadiness() {}

    /**
     * @param readiness of every region except the active one
     * @param failoverHolder the RegionFailover running now, or null
     */
    public static Verdict evaluate(RegionTopology topology, List<StandbyReadiness> readiness, String failoverHolder) {
        List<StandbyReadiness> timeless = readiness.stream()
                .map(r -> new StandbyReadiness(
                        r.region(), r.ready(), r.timelessReason(), r.lastSuccessfulSync(), r.fenced()))
                .toList();
        ProtectionView view = new ProtectionView(
                null, topology, Map.of(), timeless, failoverHolder, null, Map.of(), false, List.of(), List.of());
        Validation validation = FailoverValidation.validate(UNFORCED_FAILOVER, view);
        if (validation instanceof Validation.Accepted accepted) {
            String others = view.candidates().stream()
                    .filter(r -> !r.region().equals(accepted.toRegion()))
                    .map(StandbyReadiness::describe)
                    .collect(Collectors.joining("; "));
            return new Verdict(
                    true,
                    "StandbyReady",
                    "a failover now would go to " + accepted.toRegion() + " ("
                            + view.readinessOf(accepted.toRegion()).reason() + ")"
                            + (others.isEmpty() ? "" : "; " + others));
        }
        Validation.Refused refused = (Validation.Refused) validation;
        return new Verdict(false, refused.reason(), refused.message());
    }
}
