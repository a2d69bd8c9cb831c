package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.sync.SyncOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The baselines the status carries to the next pass. */
class PassOutcomesTest {

    private static SyncOutcome outcome(Map<String, Integer> baselines, String holdReason, String error) {
        SyncOutcome.Source source = new SyncOutcome.Source(
                error == null, 0, Map.of(), error, error == null ? null : ErrorCategory.UNREACHABLE, baselines);
        SyncOutcome.Target target = new SyncOutcome.Target(
                "us-east",
                null,
                null,
                SyncOutcome.Counts.ZERO,
                List.of(),
                List.of(),
                List.of(),
                holdReason,
                List.of(),
                List.of(),
                SyncOutcome.Copy.NONE);
        return new SyncOutcome(source, List.of(target));
    }

    @Test
    void theTotalBaselineIsTheSumOfThePerTypeBaselinesTheEngineComputed() {
        SyncOutcome o = outcome(Map.of("topic", 8, "subscription", 17), null, null);

        assertThat(PassOutcomes.nextBaseline(40, o)).isEqualTo(25);
        assertThat(PassOutcomes.nextBaselines(Map.of("topic", 9), o))
                .containsExactly(Map.entry("subscription", 17), Map.entry("topic", 8));
    }

    @Test
    void whileTheTotalGuardHoldsTheTotalBaselineDoesNotGoDown() {
        SyncOutcome o = outcome(Map.of("topic", 8), "PrimaryShrunk", null);

        assertThat(PassOutcomes.nextBaseline(40, o)).isEqualTo(40);
        assertThat(PassOutcomes.nextBaseline(null, o)).isEqualTo(8);
    }

    @Test
    void anUnreadPrimaryKeepsEveryBaseline() {
        SyncOutcome o = outcome(Map.of(), null, "no answer");

        assertThat(PassOutcomes.nextBaseline(40, o)).isEqualTo(40);
        assertThat(PassOutcomes.nextBaselines(Map.of("topic", 9), o)).containsExactly(Map.entry("topic", 9));
    }
}
