package dev.regionguard.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionRole;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionTopologyTest {
    private static final List<String> STANDBYS = List.of("us-east", "eu-de");

    @Test
    void beforeTheFirstFailoverThePrimaryIsActiveAtEpochZero() {
        RegionTopology topology = RegionTopology.of("us-south", STANDBYS, new ProtectionStatus());

        assertThat(topology.activeRegion()).isEqualTo("us-south");
        assertThat(topology.epoch()).isZero();
        assertThat(topology.roles())
                .containsExactly(
                        Map.entry("us-south", RegionRole.Primary),
                        Map.entry("us-east", RegionRole.Standby),
                        Map.entry("eu-de", RegionRole.Standby));
        assertThat(RegionTopology.of("us-south", STANDBYS, null)).isEqualTo(topology);
    }

    @Test
    void readsActiveRegionEpochAndFencedRegionsFromStatus() {
        ProtectionStatus status = new ProtectionStatus();
        status.activeRegion = "us-east";
        status.epoch = 3L;
        status.fencedRegions = List.of("us-south", "ca-tor"); // ca-tor was removed from the spec

        RegionTopology topology = RegionTopology.of("us-south", STANDBYS, status);

        assertThat(topology.fencedRegions()).containsExactly("us-south");
        assertThat(topology.syncTargets()).containsExactly("eu-de");
        assertThat(topology.otherRegions()).containsExactly("us-south", "eu-de");
    }

    @Test
    void aFailoverFencesTheOldActiveRegion() {
        RegionTopology after = RegionTopology.of("us-south", STANDBYS, null).afterFailover("us-east");

        assertThat(after.activeRegion()).isEqualTo("us-east");
        assertThat(after.epoch()).isEqualTo(1);
        assertThat(after.fencedRegions()).containsExactly("us-south");
        assertThat(after.afterFailover("eu-de").fencedRegions()).containsExactly("us-east", "us-south");
    }

    @Test
    void relocatingToTheOriginalPrimaryRestoresEveryStandby() {
        RegionTopology twice = RegionTopology.of("us-south", STANDBYS, null)
                .afterFailover("us-east")
                .afterFailover("eu-de");

        RegionTopology home = twice.afterRelocate("us-south");

        assertThat(home.activeRegion()).isEqualTo("us-south");
        assertThat(home.epoch()).isEqualTo(3);
        assertThat(home.fencedRegions()).isEmpty();
        assertThat(twice.afterRelocate("us-east").fencedRegions())
                .as("only the target comes back")
                .containsExactly("us-south");
    }

    @Test
    void theActiveRegionIsARegionOfTheProtectionAndNeverFenced() {
        assertThatThrownBy(() -> new RegionTopology("us-south", STANDBYS, "jp-tok", 0, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegionTopology("us-south", STANDBYS, "us-south", 0, Set.of("us-south")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
