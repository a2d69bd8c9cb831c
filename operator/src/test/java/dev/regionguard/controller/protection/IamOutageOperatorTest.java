package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.Conditions;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.api.SyncMode;
import dev.regionguard.cloud.Endpoints;
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
 * IAM is global: when it cannot be reached, no region is to blame. The regions of an automatically
 * failing-over protection become Unknown with reason IamUnavailable, never Unhealthy, however many
 * probes fail that way, and no failover starts.
 */
class IamOutageOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final int FAILURE_THRESHOLD = 2;
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
    void anIamThatCannotBeReachedLeavesEveryRegionUnknownAndFailsNothingOver() {
        EnFixture en = new EnFixture(harness, "iam-outage", 8);
        en.material();
        var enp = en.protection(SyncMode.Mirror, "5s");
        enp.getSpec().healthCheck.interval = INTERVAL.toSeconds() + "s";
        enp.getSpec().healthCheck.timeout = "500ms";
        enp.getSpec().healthCheck.failureThreshold = FAILURE_THRESHOLD;
        enp.getSpec().failover.mode = FailoverMode.Automatic;
        harness.apply(enp);
        harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> s.regions.size() == 2
                        && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy)
                        && OperatorHarness.everyStandbySynced(s));

        // a new operator (no token cached) whose IAM is a closed port
        Endpoints sim = harness.endpoints();
        harness.restartOperator(
                new Endpoints("http://127.0.0.1:1/iam", sim.eventNotificationsTemplate(), sim.codeEngineTemplate()));

        ProtectionStatus status = harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> s.regions.stream()
                        .allMatch(r -> r.state == HealthState.Unknown
                                && r.lastError != null
                                && r.lastError.startsWith("IamUnavailable")));
        // many more probes than it takes to make a failing region Unhealthy
        Instant seen = Instant.now();
        Instant enough = seen.plus(INTERVAL.multipliedBy(FAILURE_THRESHOLD * 5L));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(lastPrimaryProbe()).isAfter(enough));

        status = harness.get(en.name).getStatus();
        for (RegionStatus region : status.regions) {
            assertThat(region.state).as(region.region).isEqualTo(HealthState.Unknown);
            assertThat(region.consecutiveFailures).as(region.region).isZero();
            assertThat(region.lastError).as(region.region).startsWith("IamUnavailable");
        }
        assertThat(status.activeRegion).isEqualTo(EnFixture.PRIMARY);
        assertThat(harness.failoversOf(en.name)).as("no automatic failover").isEmpty();
        assertThat(Conditions.find(status.conditions, Conditions.CREDENTIALS_VALID).status)
                .as("IAM down is not a rejected key")
                .isNotEqualTo("False");
    }

    private Instant lastPrimaryProbe() {
        Matcher m = LAST_PROBE.matcher(harness.operator().registry().scrape());
        assertThat(m.find()).as("the last-probe metric of the primary").isTrue();
        return Instant.ofEpochMilli((long) (Double.parseDouble(m.group(1)) * 1000));
    }
}
