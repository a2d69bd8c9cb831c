package dev.regionguard.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regionguard.api.HealthState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionHealthBoardTest {
    private final RegionHealthBoard board = new RegionHealthBoard();

    private void see(String protection, HealthState usSouth, HealthState usEast) {
        board.update(protection, Map.of("us-south", usSouth, "us-east", usEast));
    }

    @Test
    void aRegionDownForManyProtectionsIsAnnouncedOnce() {
        for (int i = 0; i < 40; i++) {
            see("enp/default/p" + i, HealthState.Healthy, HealthState.Healthy);
        }
        assertThat(board.announcements())
                .as("a starting operator announces nothing")
                .isEmpty();

        for (int i = 0; i < 40; i++) {
            see("enp/default/p" + i, HealthState.Unhealthy, HealthState.Healthy);
        }
        List<RegionSummary> first = board.announcements();
        List<RegionSummary> second = board.announcements();

        assertThat(first)
                .extracting(RegionSummary::region, RegionSummary::state)
                .containsExactly(tuple("us-south", HealthState.Unhealthy));
        assertThat(first.get(0).unhealthyFor()).hasSize(40);
        assertThat(first.get(0).describe())
                .startsWith("us-south is Unhealthy for 40 of 40 protections: enp/default/p0, ")
                .endsWith(", ...");
        assertThat(second).isEmpty();
    }

    @Test
    void oneProtectionSeeingItDownIsEnough() {
        see("a", HealthState.Healthy, HealthState.Healthy);
        see("b", HealthState.Unhealthy, HealthState.Healthy);

        assertThat(board.announcements()).singleElement().satisfies(s -> {
            assertThat(s.region()).isEqualTo("us-south");
            assertThat(s.unhealthyFor()).containsExactly("b");
            assertThat(s.protections()).isEqualTo(2);
        });
    }

    @Test
    void recoveryIsAnnouncedOnceWhenNoProtectionSeesItDownAnyMore() {
        see("a", HealthState.Unhealthy, HealthState.Healthy);
        see("b", HealthState.Unhealthy, HealthState.Healthy);
        board.announcements();

        see("a", HealthState.Healthy, HealthState.Healthy);
        assertThat(board.announcements()).as("b still sees it down").isEmpty();

        see("b", HealthState.Healthy, HealthState.Healthy);
        assertThat(board.announcements())
                .singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(HealthState.Healthy));
        assertThat(board.announcements()).isEmpty();
    }

    @Test
    void unknownIsNotARecovery() {
        see("a", HealthState.Unhealthy, HealthState.Healthy);
        board.announcements();

        see("a", HealthState.Unknown, HealthState.Healthy);
        assertThat(board.announcements()).isEmpty();

        see("a", HealthState.Unhealthy, HealthState.Healthy);
        assertThat(board.announcements())
                .as("still announced as down: no second story")
                .isEmpty();
    }

    @Test
    void forgottenProtectionsNoLongerCount() {
        see("a", HealthState.Unhealthy, HealthState.Healthy);
        board.announcements();

        board.forget("a");

        assertThat(board.summaries()).isEmpty();
        assertThat(board.announcements()).isEmpty();
        see("b", HealthState.Unhealthy, HealthState.Healthy);
        assertThat(board.announcements())
                .as("down again for a new protection: a new story")
                .hasSize(1);
    }

    @Test
    void summariesAreSortedAndCountProtections() {
        see("a", HealthState.Unknown, HealthState.Healthy);
        board.update("b", Map.of("eu-de", HealthState.Unknown));

        assertThat(board.summaries())
                .extracting(RegionSummary::region, RegionSummary::state, RegionSummary::protections)
                .containsExactly(
                        tuple("eu-de", HealthState.Unknown, 1),
                        tuple("us-east", HealthState.Healthy, 1),
                        tuple("us-south", HealthState.Unknown, 1));
    }
}
