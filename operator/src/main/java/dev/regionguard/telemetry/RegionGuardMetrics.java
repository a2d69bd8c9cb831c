package dev.regionguard.telemetry;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.Timestamps;
import dev.regionguard.cloud.http.CallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Domain metrics for Prometheus (names in deploy/README.md): the RPO per standby, readiness,
 * credentials, drift, and IBM Cloud calls. Gauges read state kept here at scrape time, so the
 * RPO keeps growing between passes without anyone writing it.
 */
public final class RegionGuardMetrics implements CallObserver {
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, StandbyState> standbys = new ConcurrentHashMap<>();
    private final Map<String, ProtectionState> protections = new ConcurrentHashMap<>();
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();
    private final Map<String, double[]> gauges = new ConcurrentHashMap<>();
    private final Map<String, Counter> failovers = new ConcurrentHashMap<>();
    private final Map<String, Instant[]> phaseStarts = new ConcurrentHashMap<>();

    public RegionGuardMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** After each pass: what status now says about the protection and its standbys. */
    public void recordStatus(
            String kind, String namespace, String name, Instant created, Duration interval, ProtectionStatus status) {
        Tags protection = Tags.of("kind", kind, "namespace", namespace, "name", name);
        ProtectionState p =
                protections.computeIfAbsent(kind + "/" + namespace + "/" + name, k -> registerProtection(protection));
        p.intervalSeconds = interval.toSeconds();
        Condition credentials = Conditions.find(status.conditions, Conditions.CREDENTIALS_VALID);
        p.credentialsValid = credentials == null || !"False".equals(credentials.status) ? 1 : 0;
        for (StandbyStatus s : status.standbys) {
            StandbyState state = standbys.computeIfAbsent(
                    kind + "/" + namespace + "/" + name + "/" + s.region,
                    k -> registerStandby(protection.and("region", s.region)));
            state.since = s.lastSuccessfulSyncTime != null ? Timestamps.parse(s.lastSuccessfulSyncTime) : created;
            state.inSync = Boolean.TRUE.equals(s.inSync);
            state.interval = interval;
            state.outOfSync = s.counts == null ? 0 : s.counts.failed + s.counts.skipped + s.pendingDeletions.size();
            state.regionReferences = s.regionReferenceCount == null ? 0 : s.regionReferenceCount;
        }
    }

    /** On every reconcile, not only after passes: readiness follows region health between passes. */
    public void recordFailoverReady(String kind, String namespace, String name, ProtectionStatus status) {
        Tags protection = Tags.of("kind", kind, "namespace", namespace, "name", name);
        protections.computeIfAbsent(kind + "/" + namespace + "/" + name, k -> registerProtection(protection))
                        .failoverReady =
                Conditions.isTrue(status.conditions, Conditions.FAILOVER_READY) ? 1 : 0;
    }

    /** regionguard_region_healthy: 1 Healthy, 0 Unhealthy, -1 Unknown. */
    public void recordRegionHealth(String kind, String namespace, String name, String region, HealthState state) {
        String[] labels = {kind, namespace, name, region};
        gauge("regionguard.region.healthy", "1 Healthy for the protection, 0 Unhealthy, -1 Unknown", -1, labels)[0] =
                state == HealthState.Healthy ? 1 : state == HealthState.Unhealthy ? 0 : -1;
    }

    /** A proof of a standby ended: regionguard_standby_verified (1 passed, 0 failed) and its time. */
    public void recordStandbyVerification(
            String kind, String namespace, String name, String region, boolean verified, Instant at) {
        String[] standby = {kind, namespace, name, region};
        gauge("regionguard.standby.verified", "1 when the standby's last proof passed, 0 failed", 0, standby)[0] =
                verified ? 1 : 0;
        String time = "regionguard.standby.last.verification.timestamp.seconds";
        gauge(time, "Unix time the standby's last proof ended", 0, standby)[0] = at.toEpochMilli() / 1000.0;
    }

    /**
     * A probe of the region ended (whatever its outcome): regionguard_region_last_probe_timestamp_seconds
     * and the protection's regionguard_health_check_interval_seconds, for the "probes stalled" alert.
     */
    public void recordProbeCompleted(
            String kind, String namespace, String name, String region, Instant at, Duration interval) {
        Tags protection = Tags.of("kind", kind, "namespace", namespace, "name", name);
        protections.computeIfAbsent(kind + "/" + namespace + "/" + name, k -> registerProtection(protection))
                        .healthIntervalSeconds =
                interval.toMillis() / 1000.0;
        gauge(
                        "regionguard.region.last.probe.timestamp.seconds",
                        "Unix time the last probe of the region ended, whatever its outcome",
                        0,
                        kind,
                        namespace,
                        name,
                        region)[0] =
                at.toEpochMilli() / 1000.0;
    }

    /** Creates the failover series of a protection up front, so that alerts see failed at 0. */
    public void registerFailovers(String kind, String namespace, String name, String type) {
        failoverCounter(kind, namespace, name, type, "failed");
        gauge(
                "regionguard.failover.in.progress",
                "1 while a RegionFailover of the protection runs",
                0,
                kind,
                namespace,
                name);
        gauge(
                "regionguard.last.failover.duration.seconds",
                "Duration of the last finished failover",
                0,
                kind,
                namespace,
                name);
    }

    /** A RegionFailover ended: result succeeded, failed or rejected. */
    public void recordFailoverResult(
            String kind, String namespace, String name, String type, String result, Long durationSeconds) {
        registerFailovers(kind, namespace, name, type);
        failoverCounter(kind, namespace, name, type, result).increment();
        if (durationSeconds != null && !"rejected".equals(result)) {
            gauges.get(kind + "/" + namespace + "/" + name + "|regionguard.last.failover.duration.seconds")[0] =
                    durationSeconds;
        }
    }

    public void recordFailoverInProgress(String kind, String namespace, String name, boolean running) {
        gauge(
                        "regionguard.failover.in.progress",
                        "1 while a RegionFailover of the protection runs",
                        0,
                        kind,
                        namespace,
                        name)[0] =
                running ? 1 : 0;
    }

    /** regionguard_failover_phase_seconds: time spent in the running phase, read at scrape time. */
    public void recordFailoverPhaseStart(String kind, String namespace, String name, Instant phaseStart) {
        phaseStarts
                .computeIfAbsent(kind + "/" + namespace + "/" + name, k -> {
                    Instant[] holder = {null};
                    Gauge.builder(
                                    "regionguard.failover.phase.seconds",
                                    holder,
                                    h -> h[0] == null
                                            ? 0
                                            : Math.max(
                                                    0,
                                                    Duration.between(h[0], clock.instant())
                                                                    .toMillis()
                                                            / 1000.0))
                            .description("Seconds the running failover has spent in its current phase")
                            .tags("kind", kind, "namespace", namespace, "name", name)
                            .register(registry);
                    return holder;
                })[0] = phaseStart;
    }

    private Counter failoverCounter(String kind, String namespace, String name, String type, String result) {
        return failovers.computeIfAbsent(
                String.join("|", kind, namespace, name, type, result),
                k -> Counter.builder("regionguard.failovers")
                        .description("RegionFailovers that ended, by result")
                        .tags("kind", kind, "namespace", namespace, "name", name, "type", type, "result", result)
                        .register(registry));
    }

    /**
     * One gauge per metric and label values, registered on first use with the initial value.
     *
     * @param labels kind, namespace, name and, for a region's gauge, the region
     */
    private double[] gauge(String metric, String description, double initial, String... labels) {
        return gauges.computeIfAbsent(String.join("/", labels) + "|" + metric, k -> {
            double[] holder = {initial};
            Tags tags = Tags.of("kind", labels[0], "namespace", labels[1], "name", labels[2]);
            Gauge.builder(metric, holder, h -> h[0])
                    .description(description)
                    .tags(labels.length > 3 ? tags.and("region", labels[3]) : tags)
                    .register(registry);
            return holder;
        });
    }

    @Override
    public void onCall(String region, String method, String route, int status, Duration elapsed) {
        String service = route.startsWith("/identity")
                ? "iam"
                : route.startsWith("/v1/instances")
                        ? "event_notifications"
                        : route.startsWith("/projects") ? "code_engine" : "other";
        String key = service + "|" + region + "|" + status;
        calls.computeIfAbsent(
                        key,
                        k -> Counter.builder("regionguard.ibm.api.calls")
                                .description(
                                        "Calls to IBM Cloud APIs, each retry counted, by HTTP status (0: no answer)")
                                .tags("service", service, "region", region, "status", String.valueOf(status))
                                .register(registry))
                .increment();
    }

    private ProtectionState registerProtection(Tags tags) {
        ProtectionState p = new ProtectionState();
        Gauge.builder("regionguard.sync.interval.seconds", p, s -> s.intervalSeconds)
                .description("The protection's sync interval")
                .tags(tags)
                .register(registry);
        Gauge.builder("regionguard.health.check.interval.seconds", p, s -> s.healthIntervalSeconds)
                .description("The protection's health check interval")
                .tags(tags)
                .register(registry);
        Gauge.builder("regionguard.credentials.valid", p, s -> s.credentialsValid)
                .description("1 when IBM Cloud accepted the protection's API keys")
                .tags(tags)
                .register(registry);
        Gauge.builder("regionguard.failover.ready", p, s -> s.failoverReady)
                .description("1 when a failover without force would be accepted now (the FailoverReady condition)")
                .tags(tags)
                .register(registry);
        return p;
    }

    private StandbyState registerStandby(Tags tags) {
        StandbyState s = new StandbyState();
        Gauge.builder("regionguard.standby.seconds.since.last.sync", s, st -> st.secondsSinceSync(clock.instant()))
                .description("Seconds since the standby was last fully in sync (the RPO)")
                .tags(tags)
                .register(registry);
        Gauge.builder("regionguard.standby.ready", s, st -> st.ready(clock.instant()) ? 1 : 0)
                .description("1 when the standby is in sync within two sync intervals")
                .tags(tags)
                .register(registry);
        Gauge.builder("regionguard.entities.out.of.sync", s, st -> st.outOfSync)
                .description("Entities the last pass could not sync, plus deletions held back")
                .tags(tags)
                .register(registry);
        Gauge.builder("regionguard.region.references", s, st -> st.regionReferences)
                .description("References to another region in the standby's copy that the spec does not accept")
                .tags(tags)
                .register(registry);
        return s;
    }

    /** Metric label sets of a protection that no longer exists are dropped. */
    public void forget(String kind, String namespace, String name) {
        String prefix = kind + "/" + namespace + "/" + name;
        List.copyOf(registry.getMeters()).stream()
                .filter(m -> kind.equals(m.getId().getTag("kind"))
                        && namespace.equals(m.getId().getTag("namespace"))
                        && name.equals(m.getId().getTag("name")))
                .forEach(registry::remove);
        protections.remove(prefix);
        gauges.keySet().removeIf(k -> k.startsWith(prefix + "/") || k.startsWith(prefix + "|"));
        standbys.keySet().removeIf(k -> k.startsWith(prefix + "/"));
    }

    private static final class ProtectionState {
        volatile double intervalSeconds;
        volatile double healthIntervalSeconds;
        volatile double credentialsValid = 1;
        volatile double failoverReady;
    }

    private static final class StandbyState {
        volatile Instant since;
        volatile boolean inSync;
        volatile Duration interval; // the protection's sync interval, once its status was recorded
        volatile double outOfSync;
        volatile double regionReferences;

        double secondsSinceSync(Instant now) {
            return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
        }

        boolean ready(Instant now) {
            return inSync
                    && since != null
                    && interval != null
                    && Duration.between(since, now).compareTo(interval.multipliedBy(2)) <= 0;
        }
    }
}
