package dev.regionguard.failover;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Which region a failover goes to when none is named, and whether a named one may be chosen. */
public final class TargetSelection {
    private TargetSelection() {}

    /**
     * Candidates for a failover without an explicit target, best first: ready before not ready, then
     * the most recent successful sync, then spec order. Fenced regions are never candidates: going
     * back to one is a Relocate, or a Failover that names it and sets force.
     *
     * @param standbys every region except the active one, in spec order
     */
    public static List<StandbyReadiness> rank(List<StandbyReadiness> standbys) {
        Comparator<Integer> order = Comparator.comparing(
                        (Integer i) -> !standbys.get(i).ready())
                .thenComparing(
                        i -> standbys.get(i).lastSuccessfulSync(),
                        Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                .thenComparing(i -> i);
        return IntStream.range(0, standbys.size())
                .boxed()
                .filter(i -> !standbys.get(i).fenced())
                .sorted(order)
                .map(standbys::get)
                .toList();
    }

    /** The best ready standby, if any is ready. */
    public static Optional<StandbyReadiness> bestReady(List<StandbyReadiness> standbys) {
        return rank(standbys).stream().filter(StandbyReadiness::ready).findFirst();
    }

    /** Why a named target cannot be failed over to, if it cannot; readiness is checked separately. */
    public static Optional<String> problemWithExplicit(
            String target, String activeRegion, List<StandbyReadiness> standbys) {
        if (target.equals(activeRegion)) {
            return Optional.of(target + " is already the active region");
        }
        if (standbys.stream().noneMatch(s -> s.region().equals(target))) {
            return Optional.of(target + " is not a region of this protection (its regions besides the active "
                    + activeRegion + ": "
                    + String.join(
                            ", ",
                            standbys.stream().map(StandbyReadiness::region).toList()) + ")");
        }
        return Optional.empty();
    }
}
