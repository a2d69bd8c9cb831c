package dev.regionguard.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionguard.api.SyncSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesEveryUnitAndSumsParts() {
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("2s500ms")).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void theLargestDurationTheSchemaAcceptsFitsInNanoseconds() {
        String largest = "99999h".repeat(SyncSpec.DURATION_MAX_PARTS);
        assertThat(largest)
                .hasSizeLessThanOrEqualTo(SyncSpec.DURATION_MAX_LENGTH)
                .matches(SyncSpec.DURATION);
        assertThat(Durations.parse(largest).toNanos()).isPositive();
    }

    @Test
    void hugeOrMalformedDurationsAreRejectedAsBadInputNotArithmeticErrors() {
        for (String bad : List.of("9999999999999h", "99999999999999999999999s", "1h1h1h1h1h", "5", "5d", "h", "-1s")) {
            assertThatThrownBy(() -> Durations.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a duration");
        }
    }

    @Test
    void anOverflowingSyncIntervalThatBypassedTheSchemaBlocksTheProtectionAsInvalidSpec() {
        SyncSpec sync = new SyncSpec();
        sync.interval = "9999999999999h";
        assertThatThrownBy(() -> SyncSettings.of(sync, List.of())).isInstanceOfSatisfying(Blocked.class, b -> {
            assertThat(b.reason()).isEqualTo("InvalidSpec");
            assertThat(b.getMessage()).contains("sync.interval");
        });
    }
}
