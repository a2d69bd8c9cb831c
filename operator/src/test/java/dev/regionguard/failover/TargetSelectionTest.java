package dev.regionguard.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetSelectionTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static StandbyReadiness ready(String region, Instant lastSync) {
        return new StandbyReadiness(region, true, "ok", lastSync, false);
    }

    private static StandbyReadiness notReady(String region, Instant lastSync) {
        return new StandbyReadiness(region, false, "stale", lastSync, false);
    }

    private static StandbyReadiness fenced(String region) {
        return new StandbyReadiness(region, false, "fenced", T, true);
    }

    @Test
    void readyFirstThenMostRecentSyncThenSpecOrder() {
        List<StandbyReadiness> standbys = List.of(
                notReady("us-east", T.plusSeconds(100)),
                ready("eu-de", T.minusSeconds(60)),
                ready("eu-gb", T),
                ready("jp-tok", T),
                notReady("au-syd", null));

        assertThat(TargetSelection.rank(standbys))
                .extracting(StandbyReadiness::region)
                .containsExactly("eu-gb", "jp-tok", "eu-de", "us-east", "au-syd");
        assertThat(TargetSelection.bestReady(standbys))
                .map(StandbyReadiness::region)
                .hasValue("eu-gb");
    }

    @Test
    void fencedRegionsAreNeverChosen() {
        List<StandbyReadiness> standbys = List.of(fenced("us-south"), notReady("eu-de", T));

        assertThat(TargetSelection.rank(standbys))
                .extracting(StandbyReadiness::region)
                .containsExactly("eu-de");
        assertThat(TargetSelection.bestReady(standbys)).isEmpty();
    }

    @Test
    void aNamedTargetMustBeAnotherRegionOfTheProtection() {
        List<StandbyReadiness> standbys = List.of(ready("us-east", T), fenced("eu-de"));

        assertThat(TargetSelection.problemWithExplicit("us-east", "us-south", standbys))
                .isEmpty();
        assertThat(TargetSelection.problemWithExplicit("eu-de", "us-south", standbys))
                .as("readiness decides")
                .isEmpty();
        assertThat(TargetSelection.problemWithExplicit("us-south", "us-south", standbys))
                .hasValue("us-south is already the active region");
        assertThat(TargetSelection.problemWithExplicit("jp-tok", "us-south", standbys))
                .get()
                .asString()
                .startsWith("jp-tok is not a region of this protection");
    }
}
