package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.sync.SyncOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A side IBM answers for but that cannot be used (missing, not active) is reported as such, not as unreachable. */
class UnavailableSideStatusTest {
    private static final Instant NOW = Instant.parse("2026-12-05T11:00:00Z");
    private static final StandbyRef US_EAST = new StandbyRef("us-east", null, "p-east");
    private static final StandbyRef EU_DE = new StandbyRef("eu-de", null, "p-de");

    @Test
    void aStandbyProjectNotActiveIsStandbyUnavailableAndNotInSync() {
        SyncOutcome outcome = new SyncOutcome(
                source(null, null),
                List.of(
                        unreached(
                                "us-east",
                                "project p-east in us-east is creating, not active",
                                ErrorCategory.UNAVAILABLE),
                        unreached("eu-de", "503: busy", ErrorCategory.SERVER)));

        ProtectionStatus status = build(outcome);

        StandbyStatus east = status.standbys.get(0);
        assertThat(east.inSync).isFalse();
        assertThat(east.message).isEqualTo("standby unavailable: project p-east in us-east is creating, not active");
        assertThat(status.standbys.get(1).message).isEqualTo("standby not reached: 503: busy");
        Condition inSync = Conditions.find(status.conditions, Conditions.STANDBYS_IN_SYNC);
        assertThat(inSync.reason).isEqualTo("StandbyUnavailable");
        assertThat(inSync.message).contains("us-east: standby unavailable: project p-east");
        assertThat(Conditions.find(status.conditions, Conditions.READY).reason).isEqualTo("StandbyUnavailable");
        assertThat(Conditions.isTrue(status.conditions, Conditions.CREDENTIALS_VALID))
                .isTrue();
    }

    @Test
    void aPrimaryProjectNotActiveIsPrimaryUnavailable() {
        SyncOutcome outcome = new SyncOutcome(
                source("project p-south does not exist in us-south", ErrorCategory.UNAVAILABLE),
                List.of(unreached("us-east", null, null), unreached("eu-de", null, null)));

        ProtectionStatus status = build(outcome);

        Condition ready = Conditions.find(status.conditions, Conditions.READY);
        assertThat(ready.reason).isEqualTo("PrimaryUnavailable");
        assertThat(ready.message).isEqualTo("primary cannot be used: project p-south does not exist in us-south");
    }

    private static ProtectionStatus build(SyncOutcome outcome) {
        return new SyncStatusReport(new ProtectionStatus(), 1, NOW, List.of(US_EAST, EU_DE), true)
                .build(new ProtectionStatus(), new PassResult.Synced(outcome), null);
    }

    private static SyncOutcome.Source source(String error, ErrorCategory category) {
        return new SyncOutcome.Source(error == null, 0, Map.of(), error, category, Map.of());
    }

    private static SyncOutcome.Target unreached(String region, String error, ErrorCategory category) {
        return SyncOutcome.Target.unreached(region, error, category);
    }
}
