package dev.regionguard.controller.witness;

import dev.regionguard.api.FailoverSpec;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionSpec;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.controller.protection.RegionProbe;
import dev.regionguard.controller.protection.RegionProbes;
import dev.regionguard.controller.protection.Sides;
import dev.regionguard.health.ProbeOutcome;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.spec.Blocked;
import dev.regionguard.spec.Durations;
import dev.regionguard.spec.HealthCheckSettings;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.telemetry.LogContext;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A witness's pass over one protection: probe every region with the witness's own key, apply the
 * protection's thresholds, and report the view. Reports at every change, else at least three times
 * per {@code maxAge}, so a healthy witness stays fresh without writing on every probe. One concrete
 * subclass per protection kind, so that JOSDK reads the resource type from it.
 */
public abstract class WitnessReconciler<P extends CustomResource<? extends ProtectionSpec, ?>>
        implements Reconciler<P> {
    private static final Logger LOG = LoggerFactory.getLogger(WitnessReconciler.class);
    private static final Duration NOT_NAMED_RECHECK = Duration.ofMinutes(5);

    private final String vantage;
    private final ProtectionKind kind;
    private final RegionProbe<P> probe;
    private final ApiKey key;
    private final ExecutorService probes;
    private final Clock clock;
    private final Map<String, RegionHealth> health = new ConcurrentHashMap<>();
    private final Map<String, Reported> reported = new ConcurrentHashMap<>();

    private record Reported(Map<String, String> states, Instant at) {}

    protected WitnessReconciler(
            String vantage,
            ProtectionKind kind,
            RegionProbe<P> probe,
            ApiKey key,
            ExecutorService probes,
            Clock clock) {
        this.vantage = vantage;
        this.kind = kind;
        this.probe = probe;
        this.key = key;
        this.probes = probes;
        this.clock = clock;
    }

    @Override
    public UpdateControl<P> reconcile(P protection, Context<P> context) {
        try (LogContext.Scope logged = LogContext.of(protection)) {
            FailoverSpec failover = protection.getSpec().failoverSpec();
            if (failover == null || failover.quorum == null || !failover.quorum.witnesses.contains(vantage)) {
                return UpdateControl.<P>noUpdate().rescheduleAfter(NOT_NAMED_RECHECK);
            }
            HealthCheckSettings settings;
            List<ProtectedSide> sides;
            try {
                settings = HealthCheckSettings.of(protection.getSpec().healthCheckSpec());
                sides = Sides.required(protection.getSpec());
            } catch (Blocked blocked) {
                LOG.info("not probing: {}", blocked.getMessage());
                return UpdateControl.<P>noUpdate().rescheduleAfter(NOT_NAMED_RECHECK);
            }
            List<RegionStatus> view = probeAll(protection, sides, settings);
            Duration maxAge = Durations.parse(failover.quorum.maxAge);
            report(protection, context, view, maxAge);
            return UpdateControl.<P>noUpdate().rescheduleAfter(settings.interval());
        }
    }

    private List<RegionStatus> probeAll(P protection, List<ProtectedSide> sides, HealthCheckSettings settings) {
        Instant started = clock.instant();
        Map<String, Runnable> calls = new LinkedHashMap<>();
        sides.forEach(side -> calls.put(side.region(), () -> probe.probe(protection, side, key)));
        Map<String, ProbeOutcome> outcomes = RegionProbes.probe(probes, calls, settings.timeout());
        Instant after = clock.instant();
        List<RegionStatus> view = new ArrayList<>();
        String uid = protection.getMetadata().getUid();
        outcomes.forEach((region, outcome) -> {
            RegionHealth next = health.getOrDefault(uid + "/" + region, RegionHealth.unknown(started))
                    .next(outcome, settings, after);
            health.put(uid + "/" + region, next);
            view.add(next.toStatus(region, null));
        });
        return view;
    }

    private void report(P protection, Context<P> context, List<RegionStatus> view, Duration maxAge) {
        Instant now = clock.instant();
        Map<String, String> states = new LinkedHashMap<>();
        view.forEach(r -> states.put(r.region, String.valueOf(r.state)));
        String uid = protection.getMetadata().getUid();
        Reported last = reported.get(uid);
        boolean due = last == null
                || !last.states().equals(states)
                || !now.isBefore(last.at().plus(maxAge.dividedBy(3)));
        if (!due) {
            return;
        }
        try {
            new Observations(context.getClient(), vantage).write(protection, kind, view, now);
            reported.put(uid, new Reported(states, now));
        } catch (RuntimeException e) { // the next probe reports again; a witness never crashes on this
            LOG.warn(
                    "could not report the view of {}: {}",
                    protection.getMetadata().getName(),
                    e.getMessage());
        }
    }
}
