package dev.regionguard.failover;

import dev.regionguard.api.HealthState;
import dev.regionguard.api.Timestamps;
import dev.regionguard.api.VantagePoint;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.spec.QuorumSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether enough vantage points agree that the active region is down: the operator's own probes and
 * each witness's latest report. A view counts only while fresh (within {@code maxAge}); a witness
 * that never reported, or reported too long ago, is silent. "Can't see it" from one place is not an
 * outage: a cut between the operator's cluster and a region is outvoted by witnesses that still
 * reach it, and with too few fresh views nothing is decided at all.
 */
public final class VantageQuorum {

    /** What one witness last reported; {@code observedAt} null when it never did. */
    public record Report(String vantage, Instant observedAt, Map<String, HealthState> regions) {}

    /** One vantage point as counted: {@code outage} when it sees the region down by its own rules. */
    record View(String name, boolean fresh, Instant lastReport, Map<String, HealthState> regions) {
        HealthState state(String region) {
            return regions.getOrDefault(region, HealthState.Unknown);
        }
    }

    /** How the count came out: whether the quorum is there, and whether it agrees on an outage. */
    public enum Outcome {
        /** Fewer fresh vantage points than required: nothing can be decided. */
        NoQuorum,
        /** Enough fresh views, but fewer than required see the outage. */
        Outvoted,
        /** Enough fresh views see the outage. */
        Agreed,
        /** Enough fresh views, none sees an outage. */
        QuorumPresent
    }

    public record Verdict(Outcome outcome, String message) {
        public boolean agreed() {
            return outcome == Outcome.Agreed;
        }
    }

    private final QuorumSettings settings;
    private final List<View> views;
    private final int failureThreshold;
    /** The operator's own live health: its failed-probe runs qualify its view of an outage. */
    private final Map<String, RegionHealth> own;

    private VantageQuorum(
            QuorumSettings settings, List<View> views, Map<String, RegionHealth> own, int failureThreshold) {
        this.settings = settings;
        this.views = views;
        this.own = own;
        this.failureThreshold = failureThreshold;
    }

    /**
     * @param own the operator's live health per region (always fresh: it probed in this pass)
     * @param reports every RegionObservation of the protection; those of unlisted witnesses are ignored
     */
    public static VantageQuorum count(
            QuorumSettings settings,
            Map<String, RegionHealth> own,
            List<Report> reports,
            int failureThreshold,
            Instant now) {
        List<View> views = new ArrayList<>();
        Map<String, HealthState> ownStates = new TreeMap<>();
        own.forEach((region, health) -> ownStates.put(region, health.state()));
        views.add(new View(VantagePoint.OPERATOR, true, null, ownStates));
        for (String witness : settings.witnesses()) {
            Optional<Report> report =
                    reports.stream().filter(r -> witness.equals(r.vantage())).findFirst();
            Instant at = report.map(Report::observedAt).orElse(null);
            boolean fresh = at != null && !at.plus(settings.maxAge()).isBefore(now);
            views.add(new View(
                    witness,
                    fresh,
                    at,
                    report.map(Report::regions).map(TreeMap::new).orElseGet(TreeMap::new)));
        }
        return new VantageQuorum(settings, List.copyOf(views), Map.copyOf(own), failureThreshold);
    }

    /** Each vantage point's view for status, the operator's first. */
    public List<VantagePoint> vantagePoints() {
        return views.stream()
                .map(v -> new VantagePoint(
                        v.name(),
                        v.fresh() || v.lastReport() == null ? null : Timestamps.format(v.lastReport()),
                        v.fresh(),
                        v.regions()))
                .toList();
    }

    /** Whether a quorum sees {@code active} down (the Quorum condition: no target in view). */
    public Verdict onActive(String active) {
        return verdict(active, null);
    }

    /** Whether a quorum sees {@code active} down and {@code target} Healthy (an automatic failover). */
    public Verdict onFailover(String active, String target) {
        return verdict(active, target);
    }

    private Verdict verdict(String active, String target) {
        List<View> fresh = views.stream().filter(View::fresh).toList();
        String views = describe(active, target);
        if (fresh.size() < settings.required()) {
            return new Verdict(
                    Outcome.NoQuorum,
                    fresh.size() + " of " + settings.vantagePoints() + " vantage points reported within "
                            + settings.maxAge().toSeconds() + "s, " + settings.required() + " required: " + views);
        }
        long agreeing =
                fresh.stream().filter(v -> seesOutage(v, active, target)).count();
        String count = agreeing + " of " + settings.vantagePoints() + " vantage points see " + active + " Unhealthy"
                + (target == null ? "" : " and " + target + " Healthy") + ", " + settings.required() + " required: "
                + views;
        if (agreeing >= settings.required()) {
            return new Verdict(Outcome.Agreed, count);
        }
        return new Verdict(agreeing == 0 ? Outcome.QuorumPresent : Outcome.Outvoted, count);
    }

    private boolean seesOutage(View view, String active, String target) {
        boolean down = view.state(active) == HealthState.Unhealthy
                && (!VantagePoint.OPERATOR.equals(view.name()) || ownRunIsLongEnough(active));
        return down && (target == null || view.state(target) == HealthState.Healthy);
    }

    /** A region restored Unhealthy from status after a restart needs fresh failed probes first. */
    private boolean ownRunIsLongEnough(String region) {
        RegionHealth health = own.get(region);
        return health != null && health.consecutiveFailures() >= failureThreshold;
    }

    private String describe(String active, String target) {
        List<String> parts = new ArrayList<>();
        for (View v : views) {
            String seen = !v.fresh()
                    ? (v.lastReport() == null ? "never reported" : "last reported " + Timestamps.format(v.lastReport()))
                    : active + " " + v.state(active) + (target == null ? "" : ", " + target + " " + v.state(target));
            parts.add(v.name() + " " + seen);
        }
        return String.join("; ", parts);
    }
}
