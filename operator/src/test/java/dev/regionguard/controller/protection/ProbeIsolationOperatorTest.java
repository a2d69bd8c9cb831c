package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.EnStandby;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.api.SyncMode;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 50 protections probe the same three regions at once through the real operator; two regions stop
 * answering (their calls are held open, never answered), enough held calls to fill a pool shared with
 * them (each dead region holds up to its 8 per-region slots). The probes of the live region go on
 * completing on time and its health does not move: the dead regions' probes end at their deadline
 * with their calls cancelled, on a pool of their own.
 */
class ProbeIsolationOperatorTest {
    private static final int PROTECTIONS = 50;
    private static final String THIRD = "eu-de";
    private static final List<String> DEAD = List.of(EnFixture.STANDBY, THIRD);
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final Pattern LAST_PROBE =
            Pattern.compile("regionguard_region_last_probe_timestamp_seconds\\{([^}]*)} (\\S+)");

    private OperatorHarness harness;

    @BeforeEach
    void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY, THIRD);
    }

    @AfterEach
    void stop() {
        DEAD.forEach(region -> harness.simulator().faults(region).up());
        harness.close();
    }

    @Test
    void aRegionThatStopsAnsweringLeavesTheOtherRegionsHealthAlone() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < PROTECTIONS; i++) {
            EnFixture en = new EnFixture(harness, "iso-" + i, 8);
            en.material();
            var enp = en.protection(SyncMode.Mirror, "1h");
            String third = harness.simulator().createEventNotificationsInstance(THIRD);
            enp.getSpec().standbys =
                    List.of(new EnStandby(EnFixture.STANDBY, en.standbyId), new EnStandby(THIRD, third));
            enp.getSpec().healthCheck.interval = "4s";
            enp.getSpec().healthCheck.timeout =
                    "2s"; // the live region answers in milliseconds: a wide margin on a loaded machine
            enp.getSpec().healthCheck.failureThreshold = 2;
            enp.getSpec().healthCheck.successThreshold = 1;
            harness.apply(enp);
            names.add(en.name);
        }
        Map<String, String> primarySince = new HashMap<>();
        for (String name : names) {
            ProtectionStatus status = harness.awaitStatus(
                    name,
                    TIMEOUT,
                    s -> s.regions.size() == 3 && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy));
            primarySince.put(name, region(status, EnFixture.PRIMARY).since);
        }

        harness.simulator().faults(EnFixture.STANDBY).down(DownMode.BLACKHOLE);

        // every protection saw the outage: its probes of the dead region ran and failed
        for (String name : names) {
            harness.awaitStatus(name, TIMEOUT, s -> region(s, EnFixture.STANDBY).state == HealthState.Unhealthy);
        }
        // and the probes of the live region go on completing after that, for every protection
        Instant allSawIt = Instant.now();
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(lastPrimaryProbes())
                        .hasSize(PROTECTIONS)
                        .allSatisfy((name, at) -> assertThat(at).as(name).isAfter(allSawIt)));
        for (String name : names) {
            RegionStatus primary = region(harness.get(name).getStatus(), EnFixture.PRIMARY);
            assertThat(primary.state).as(name).isEqualTo(HealthState.Healthy);
            assertThat(primary.since).as(name + ": Healthy without a break").isEqualTo(primarySince.get(name));
        }
    }

    private static RegionStatus region(ProtectionStatus status, String region) {
        return status.regions.stream()
                .filter(r -> region.equals(r.region))
                .findFirst()
                .orElseGet(() -> new RegionStatus(region, null, HealthState.Unknown, null));
    }

    /** Protection name to the time the last probe of the primary region ended, from /metrics. */
    private Map<String, Instant> lastPrimaryProbes() {
        Map<String, Instant> byName = new HashMap<>();
        Matcher m = LAST_PROBE.matcher(harness.operator().registry().scrape());
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("region=\"" + EnFixture.PRIMARY + "\"")) {
                Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(labels);
                name.find();
                byName.put(name.group(1), Instant.ofEpochMilli((long) (Double.parseDouble(m.group(2)) * 1000)));
            }
        }
        return byName;
    }
}
