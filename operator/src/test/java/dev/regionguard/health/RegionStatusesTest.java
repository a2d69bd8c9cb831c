package dev.regionguard.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regionguard.api.HealthState;
import dev.regionguard.api.RegionRole;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.spec.HealthCheckSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionStatusesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final HealthCheckSettings SETTINGS = HealthCheckSettings.DEFAULTS;
    private static final ProbeOutcome OK = ProbeOutcome.success(Duration.ofMillis(40));
    private static final ProbeOutcome DOWN = ProbeOutcome.ofError(ErrorCategory.SERVER, "502");

    private static Map<String, RegionRole> roles(RegionRole usSouth, RegionRole usEast) {
        Map<String, RegionRole> roles = new LinkedHashMap<>();
        roles.put("us-south", usSouth);
        roles.put("us-east", usEast);
        return roles;
    }

    private static RegionHealth healthy() {
        return RegionHealth.unknown(T0).next(OK, SETTINGS, T0.plusSeconds(10)).next(OK, SETTINGS, T0.plusSeconds(20));
    }

    @Test
    void firstWriteListsEveryRegionInRoleOrder() {
        RegionStatuses.Update update = RegionStatuses.update(
                null, roles(RegionRole.Primary, RegionRole.Standby), Map.of("us-south", healthy()), T0);

        assertThat(update.changed()).isTrue();
        assertThat(update.regions())
                .extracting(r -> r.region, r -> r.role, r -> r.state)
                .containsExactly(
                        tuple("us-south", RegionRole.Primary, HealthState.Healthy),
                        tuple("us-east", RegionRole.Standby, HealthState.Unknown));
    }

    @Test
    void probesThatChangeNoStateChangeNothing() {
        Map<String, RegionRole> roles = roles(RegionRole.Primary, RegionRole.Standby);
        List<RegionStatus> written = RegionStatuses.update(
                        null, roles, Map.of("us-south", healthy(), "us-east", healthy()), T0)
                .regions();
        RegionHealth slowerButHealthy = healthy()
                .next(ProbeOutcome.success(Duration.ofMillis(900)), SETTINGS, T0.plusSeconds(30))
                .next(DOWN, SETTINGS, T0.plusSeconds(40)); // one failure: still Healthy

        RegionStatuses.Update update = RegionStatuses.update(
                written, roles, Map.of("us-south", slowerButHealthy, "us-east", healthy()), T0.plusSeconds(40));

        assertThat(update.changed()).isFalse();
        assertThat(update.regions().get(0)).isSameAs(written.get(0));
    }

    @Test
    void aTransitionOrARoleChangeRewritesThatRegionOnly() {
        Map<String, RegionHealth> health = Map.of("us-south", healthy(), "us-east", healthy());
        List<RegionStatus> written = RegionStatuses.update(
                        null, roles(RegionRole.Primary, RegionRole.Standby), health, T0)
                .regions();
        RegionHealth down = healthy();
        for (int i = 0; i < 3; i++) {
            down = down.next(DOWN, SETTINGS, T0.plusSeconds(30 + 10L * i));
        }

        RegionStatuses.Update transition = RegionStatuses.update(
                written,
                roles(RegionRole.Primary, RegionRole.Standby),
                Map.of("us-south", down, "us-east", healthy()),
                T0.plusSeconds(50));
        RegionStatuses.Update failover = RegionStatuses.update(
                transition.regions(),
                roles(RegionRole.Fenced, RegionRole.Primary),
                Map.of("us-south", down, "us-east", healthy()),
                T0.plusSeconds(60));

        assertThat(transition.changed()).isTrue();
        assertThat(transition.regions().get(0).state).isEqualTo(HealthState.Unhealthy);
        assertThat(transition.regions().get(0).consecutiveFailures).isEqualTo(3);
        assertThat(transition.regions().get(1)).isSameAs(written.get(1));
        assertThat(failover.changed()).isTrue();
        assertThat(failover.regions()).extracting(r -> r.role).containsExactly(RegionRole.Fenced, RegionRole.Primary);
    }
}
