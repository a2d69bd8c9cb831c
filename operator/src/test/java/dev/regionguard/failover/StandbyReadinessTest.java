package dev.regionguard.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.HealthState;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.StandbyVerification;
import dev.regionguard.api.UnsyncedEntity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandbyReadinessTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private static StandbyReadiness readiness(Instant lastSync, HealthState health, int unsynced, boolean fenced) {
        return StandbyReadiness.of(new StandbyFacts("us-east", lastSync, health, unsynced, fenced), INTERVAL, NOW);
    }

    @Test
    void readyWhenRecentlySyncedHealthyAndComplete() {
        StandbyReadiness r = readiness(NOW.minusSeconds(90), HealthState.Healthy, 0, false);

        assertThat(r.ready()).isTrue();
        assertThat(r.reason()).isEqualTo("Healthy, synced 90s ago");
        assertThat(r.lastSuccessfulSync()).isEqualTo(NOW.minusSeconds(90));
    }

    @Test
    void referencesToAnotherRegionNotAcceptedMakeItNotReady() {
        StandbyFacts facts = new StandbyFacts("us-east", NOW.minusSeconds(90), HealthState.Healthy, 0, false, 3, null);

        StandbyReadiness r = StandbyReadiness.of(facts, INTERVAL, NOW);

        assertThat(r.ready()).isFalse();
        assertThat(r.reason())
                .isEqualTo("3 references to another region in its copy, not accepted by spec.regionIndependence");
    }

    @Test
    void theCountOfReferencesComesFromTheStandbysStatus() {
        StandbyStatus status = new StandbyStatus();
        status.lastSuccessfulSyncTime = "2026-03-01T09:58:30Z";
        status.regionReferenceCount = 1;

        assertThat(StandbyFacts.of("us-east", status, HealthState.Healthy, false)
                        .regionReferences())
                .isEqualTo(1);
    }

    @Test
    void aSyncExactlyTwoIntervalsOldIsStillReadyOneSecondMoreIsNot() {
        assertThat(readiness(NOW.minus(Duration.ofMinutes(10)), HealthState.Healthy, 0, false)
                        .ready())
                .isTrue();

        StandbyReadiness stale =
                readiness(NOW.minus(Duration.ofMinutes(10)).minusSeconds(1), HealthState.Healthy, 0, false);
        assertThat(stale.ready()).isFalse();
        assertThat(stale.reason()).isEqualTo("last successful sync 10m ago, more than 2 sync intervals (10m)");
        assertThat(stale.timelessReason()).isEqualTo("last successful sync more than 2 sync intervals (10m) ago");
    }

    @Test
    void notReadyWhenNeverSyncedNotHealthyIncompleteOrFenced() {
        assertThat(readiness(null, HealthState.Healthy, 0, false).reason()).isEqualTo("never synced successfully");
        assertThat(readiness(NOW, HealthState.Unknown, 0, false).reason()).isEqualTo("region is Unknown");
        assertThat(readiness(NOW, HealthState.Unhealthy, 0, false).reason()).isEqualTo("region is Unhealthy");
        assertThat(readiness(NOW, HealthState.Healthy, 1, false).reason()).isEqualTo("1 entity failed to sync");
        assertThat(readiness(NOW, HealthState.Healthy, 0, true).reason())
                .isEqualTo("fenced by an earlier failover, so not synced");
    }

    @Test
    void everyReasonIsListed() {
        StandbyReadiness r = readiness(null, HealthState.Unknown, 3, false);

        assertThat(r.ready()).isFalse();
        assertThat(r.describe())
                .isEqualTo("us-east: never synced successfully; region is Unknown; 3 entities failed to sync");
    }

    @Test
    void factsComeFromTheStandbysStatusEntry() {
        StandbyStatus status = new StandbyStatus();
        status.lastSuccessfulSyncTime = "2026-03-01T09:58:00Z";
        status.unsyncedEntities.add(new UnsyncedEntity("destination", "pagerduty", "MissingSecret", "no key"));

        StandbyFacts facts = StandbyFacts.of("us-east", status, HealthState.Healthy, false);

        assertThat(facts)
                .isEqualTo(new StandbyFacts(
                        "us-east", Instant.parse("2026-03-01T09:58:00Z"), HealthState.Healthy, 1, false));
        assertThat(StandbyFacts.of("eu-de", null, HealthState.Healthy, false).lastSuccessfulSync())
                .isNull();
    }

    @Test
    void aFailedProofMakesItNotReadyAndSaysWhatFailed() {
        StandbyStatus status = new StandbyStatus();
        status.lastSuccessfulSyncTime = NOW.minusSeconds(30).toString();
        status.verification = new StandbyVerification();
        status.verification.verified = false;
        status.verification.message = "destination/ops-slack: failed, the end point answered 500";

        StandbyReadiness failed =
                StandbyReadiness.of(StandbyFacts.of("us-east", status, HealthState.Healthy, false), INTERVAL, NOW);
        status.verification.verified = true;
        StandbyReadiness passed =
                StandbyReadiness.of(StandbyFacts.of("us-east", status, HealthState.Healthy, false), INTERVAL, NOW);

        assertThat(failed.ready()).isFalse();
        assertThat(failed.reason())
                .isEqualTo("its last proof failed: destination/ops-slack: failed, the end point answered 500");
        assertThat(passed.ready()).isTrue();
    }
}
