package dev.regionguard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.StandbyStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** regionguard_region_references: per standby, the references to another region the spec does not accept. */
class RegionReferencesMetricTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RegionGuardMetrics metrics = new RegionGuardMetrics(registry, Clock.systemUTC());

    private double gauge(String region) {
        return registry.get("regionguard.region.references")
                .tag("region", region)
                .gauge()
                .value();
    }

    @Test
    void followsTheStandbysCountAndIsZeroBeforeTheFirstAudit() {
        ProtectionStatus status = new ProtectionStatus();
        StandbyStatus standby = new StandbyStatus();
        standby.region = "eu-de";
        status.standbys.add(standby);

        metrics.recordStatus("EventNotificationsProtection", "ns", "p", Instant.now(), Duration.ofMinutes(5), status);
        assertThat(gauge("eu-de")).isZero();

        standby.regionReferenceCount = 3;
        standby.acceptedRegionReferenceCount = 2;
        metrics.recordStatus("EventNotificationsProtection", "ns", "p", Instant.now(), Duration.ofMinutes(5), status);
        assertThat(gauge("eu-de")).isEqualTo(3);
    }
}
