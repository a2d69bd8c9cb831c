package dev.regionguard.deploy;

import static org.awaitility.Awaitility.await;

import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.SyncMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a real operator exposes on /metrics once it has done everything a dashboard
 * shows: a protection synced to its standby, probes of both regions, IBM Cloud calls and a
 * finished RegionFailover (plan, so that nothing moves).
 */
final class ExportedMetrics {
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    private static final Pattern SERIES = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private ExportedMetrics() {}

    /** The Prometheus exposition of an operator that has synced, probed and run a failover. */
    static String scrapeAfterSyncProbeAndFailover() {
        try (OperatorHarness harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY)) {
            EnFixture en = new EnFixture(harness, "dashboard", 5);
            en.material();
            EventNotificationsProtection enp = en.protection(SyncMode.Mirror, "1h");
            // Fast probes, so that both regions are Healthy before the plan needs them.
            enp.getSpec().healthCheck.interval = "2s";
            enp.getSpec().healthCheck.timeout = "1000ms";
            enp.getSpec().healthCheck.successThreshold = 1;
            harness.apply(enp);
            harness.awaitStatus(
                    en.name,
                    TIMEOUT,
                    s -> Conditions.isTrue(s.conditions, Conditions.READY)
                            && s.regions.size() == 2
                            && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy));
            harness.requestFailover("dashboard-plan", en.name, FailoverType.Plan, null, false);
            harness.awaitFailover("dashboard-plan", TIMEOUT, FailoverPhase.Succeeded);
            await().atMost(TIMEOUT)
                    .until(
                            () -> harness.operator().registry().scrape(),
                            s -> s.contains("regionguard_region_last_probe_timestamp_seconds{")
                                    && s.contains("regionguard_failovers_total{"));
            return harness.operator().registry().scrape();
        }
    }

    /** Every sample name in an exposition, e.g. regionguard_failovers_total or x_seconds_bucket. */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        Matcher m = SAMPLE.matcher(exposition);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Sample names whose series carry the protection's namespace and name labels. */
    static Set<String> protectionScoped(String exposition) {
        Set<String> names = new TreeSet<>();
        Matcher m = SERIES.matcher(exposition);
        while (m.find()) {
            String labels = "," + m.group(2);
            if (labels.contains(",namespace=\"") && labels.contains(",name=\"")) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
