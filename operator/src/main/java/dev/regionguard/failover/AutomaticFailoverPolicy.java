package dev.regionguard.failover;

import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.HealthState;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.spec.FailoverSettings;
import dev.regionguard.spec.HealthCheckSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether the operator fails a protection over by itself, and to where. It does only when all hold:
 * <ol>
 * <li>failover.mode is Automatic;</li>
 * <li>no failover of the protection is in progress;</li>
 * <li>the active region is Unhealthy and its current run of failed probes is at least failureThreshold
 *     (a region that just answered again does not qualify, nor does one restored from status after a
 *     restart until fresh probes fail; Unknown never qualifies); with a quorum configured, instead,
 *     at least {@code required} fresh vantage points see the active region Unhealthy and the target
 *     Healthy ({@link VantageQuorum});</li>
 * <li>the cooldown since the last automatic failover has passed;</li>
 * <li>a standby is ready; the best one is chosen ({@link TargetSelection}).</li>
 * </ol>
 * It never fails back: it only moves away from an Unhealthy active region, and fenced regions (the
 * old primaries) are never candidates.
 */
public record AutomaticFailoverPolicy(FailoverSettings failover, HealthCheckSettings health) {

    /** What the policy sees of one protection. */
    public record Situation(
            String activeRegion,
            RegionHealth activeHealth,
            List<StandbyReadiness> standbys,
            Instant lastAutomaticFailover,
            boolean failoverInProgress,
            VantageQuorum quorum) {

        /** Without a quorum: the operator's own probes decide. */
        public Situation(
                String activeRegion,
                RegionHealth activeHealth,
                List<StandbyReadiness> standbys,
                Instant lastAutomaticFailover,
                boolean failoverInProgress) {
            this(activeRegion, activeHealth, standbys, lastAutomaticFailover, failoverInProgress, null);
        }
    }

    public sealed interface Verdict permits Decision, Hold {
        String reason();
    }

    /** Fail over to targetRegion, for reason (goes into the RegionFailover's spec.reason). */
    public record Decision(String targetRegion, String reason) implements Verdict {}

    /** Do nothing now, and why (for logs and a status message; not for an Event on every probe). */
    public record Hold(String reason) implements Verdict {}

    public Optional<Decision> decide(Situation situation, Instant now) {
        return evaluate(situation, now) instanceof Decision d ? Optional.of(d) : Optional.empty();
    }

    public Verdict evaluate(Situation s, Instant now) {
        if (failover.mode() != FailoverMode.Automatic) {
            return new Hold("failover.mode is " + failover.mode());
        }
        if (s.failoverInProgress()) {
            return new Hold("a failover is already in progress");
        }
        RegionHealth active = s.activeHealth();
        if (s.quorum() != null) {
            return byQuorum(s, now);
        }
        if (active.state() != HealthState.Unhealthy) {
            return new Hold("active region " + s.activeRegion() + " is " + active.state()
                    + (active.state() == HealthState.Unknown ? ", which is not evidence of an outage" : ""));
        }
        if (active.consecutiveFailures() < health.failureThreshold()) {
            return new Hold("active region " + s.activeRegion() + " is Unhealthy but only "
                    + active.consecutiveFailures() + " of the last probes failed in a row (failureThreshold "
                    + health.failureThreshold() + ")");
        }
        Optional<Hold> held = cooldownOrNoTarget(s, now);
        if (held.isPresent()) {
            return held.get();
        }
        StandbyReadiness target = TargetSelection.bestReady(s.standbys()).orElseThrow();
        return new Decision(
                target.region(),
                "automatic: " + s.activeRegion() + " Unhealthy since "
                        + active.since() + " (" + active.consecutiveFailures() + " failed probes in a row"
                        + (active.lastError() == null ? "" : ", last: " + active.lastError()) + "); "
                        + target.region()
                        + " is ready: " + target.reason());
    }

    /** The outage is a quorum's verdict, not the operator's view alone. */
    private Verdict byQuorum(Situation s, Instant now) {
        Optional<Hold> held = cooldownOrNoTarget(s, now);
        if (held.isPresent()) {
            return held.get();
        }
        StandbyReadiness target = TargetSelection.bestReady(s.standbys()).orElseThrow();
        VantageQuorum.Verdict verdict = s.quorum().onFailover(s.activeRegion(), target.region());
        if (!verdict.agreed()) {
            return new Hold(verdict.outcome() + ": " + verdict.message());
        }
        return new Decision(
                target.region(),
                "automatic: " + verdict.message() + "; " + target.region() + " is ready: " + target.reason());
    }

    private Optional<Hold> cooldownOrNoTarget(Situation s, Instant now) {
        if (s.lastAutomaticFailover() != null) {
            Instant cooldownEnds = s.lastAutomaticFailover().plus(failover.cooldown());
            if (now.isBefore(cooldownEnds)) {
                return Optional.of(new Hold("cooldown: the last automatic failover was at " + s.lastAutomaticFailover()
                        + "; the next may start at " + cooldownEnds));
            }
        }
        if (TargetSelection.bestReady(s.standbys()).isEmpty()) {
            List<String> why = TargetSelection.rank(s.standbys()).stream()
                    .map(StandbyReadiness::describe)
                    .toList();
            return Optional.of(new Hold("no standby is ready" + (why.isEmpty() ? "" : ": " + String.join("; ", why))));
        }
        return Optional.empty();
    }
}
