package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.Conditions;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.SyncMode;
import dev.regionguard.api.Timestamps;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes API goes away for longer than JOSDK's default retry budget (5 attempts, about 26 s)
 * and comes back on the same port: the same operator, never restarted, goes on probing and syncing
 * and writes status again.
 */
class KubernetesOutageOperatorTest {
    /** Longer than JOSDK's default retries (2 s, x1.5, 5 attempts: about 26 s) with a margin. */
    private static final Duration OUTAGE = Duration.ofSeconds(40);

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern LAST_PROBE = Pattern.compile(
            "regionguard_region_last_probe_timestamp_seconds\\{[^}]*region=\"" + EnFixture.PRIMARY + "\"[^}]*} (\\S+)");

    private OperatorHarness harness;

    @BeforeEach
    void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void probesAndSyncResumeAfterAnApiOutageWithoutARestart() throws InterruptedException {
        EnFixture en = new EnFixture(harness, "outage", 8);
        en.material();
        var enp = en.protection(SyncMode.Mirror, "5s");
        enp.getSpec().healthCheck.interval = "2s";
        enp.getSpec().healthCheck.timeout = "1s";
        harness.apply(enp);
        harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> Conditions.isTrue(s.conditions, Conditions.READY)
                        && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy)
                        && OperatorHarness.everyStandbySynced(s));

        harness.stopKubernetes();
        assertThatThrownBy(() -> harness.get(en.name)).as("the API is really down");
        Thread.sleep(OUTAGE.toMillis()); // the outage itself, not a wait for something to happen
        harness.restoreKubernetes();
        Instant restored = Instant.now();

        // sync: a pass after the outage, written to status by the same operator
        harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> Conditions.isTrue(s.conditions, Conditions.READY)
                        && s.standbys.stream()
                                .map(st -> st.lastSuccessfulSyncTime)
                                .allMatch(t -> t != null && Timestamps.parse(t).isAfter(restored)));
        // probes: one ended after the outage
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(lastPrimaryProbe()).isAfter(restored));
    }

    private Instant lastPrimaryProbe() {
        Matcher m = LAST_PROBE.matcher(harness.operator().registry().scrape());
        assertThat(m.find()).as("the last-probe metric of the primary").isTrue();
        return Instant.ofEpochMilli((long) (Double.parseDouble(m.group(1)) * 1000));
    }
}
