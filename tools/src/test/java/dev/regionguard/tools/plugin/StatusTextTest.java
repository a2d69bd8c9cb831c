package dev.regionguard.tools.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.Conditions;
import dev.regionguard.api.EnInstanceRef;
import dev.regionguard.api.EnStandby;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionRole;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.api.StandbyStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Colour for a terminal only paints; the text and the columns are the same as without it. */
class StatusTextTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void colourPaintsStatesWithoutMovingColumns() {
        Protection protection = protection();

        String plain = new StatusText(NOW, false).render(protection);
        String coloured = new StatusText(NOW, true).render(protection);

        assertThat(coloured).contains("\u001b[32mReady=True (Ready)\u001b[0m").contains("\u001b[31mUnhealthy ");
        assertThat(coloured.replaceAll("\u001b\\[\\d+m", "")).isEqualTo(plain);
        assertThat(plain).contains("  us-east    Standby  Unhealthy  true     2026-12-05T11:55:30Z  4m30s   0");
    }

    @Test
    void rpoIsCompact() {
        assertThat(StatusText.compact(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(StatusText.compact(Duration.ofSeconds(61))).isEqualTo("1m01s");
        assertThat(StatusText.compact(Duration.ofMinutes(125))).isEqualTo("2h05m");
        assertThat(StatusText.compact(Duration.ofDays(3).plusHours(5))).isEqualTo("3d");
        assertThat(StatusText.compact(Duration.ofSeconds(-5))).as("clock skew").isEqualTo("0s");
    }

    private static Protection protection() {
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(new ObjectMetaBuilder().withName("orders").build());
        EventNotificationsProtectionSpec spec = new EventNotificationsProtectionSpec();
        spec.primary = new EnInstanceRef();
        spec.primary.region = "us-south";
        EnStandby standby = new EnStandby();
        standby.region = "us-east";
        spec.standbys.add(standby);
        enp.setSpec(spec);
        ProtectionStatus status = new ProtectionStatus();
        status.conditions.add(Conditions.of(Conditions.READY, true, "Ready", "all good"));
        status.activeRegion = "us-south";
        status.regions.add(new RegionStatus("us-south", RegionRole.Primary, HealthState.Healthy, null));
        status.regions.add(new RegionStatus("us-east", RegionRole.Standby, HealthState.Unhealthy, null));
        StandbyStatus east = new StandbyStatus();
        east.region = "us-east";
        east.inSync = true;
        east.lastSuccessfulSyncTime = "2026-12-05T11:55:30Z";
        status.standbys.add(east);
        enp.setStatus(status);
        return new Protection(ProtectionKind.EventNotificationsProtection, enp);
    }
}
