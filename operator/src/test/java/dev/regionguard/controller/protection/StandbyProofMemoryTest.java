package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.StandbyVerification;
import dev.regionguard.spec.VerificationSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When each standby's next proof is due: never twice at once, sooner after a failure, at once after a change. */
class StandbyProofMemoryTest {
    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final VerificationSettings SETTINGS =
            new VerificationSettings(HOUR, Duration.ofMinutes(2), List.of("ops"), List.of());

    private static StandbyVerification proof(Instant at, boolean verified) {
        StandbyVerification proof = new StandbyVerification();
        proof.time = at.toString();
        proof.verified = verified;
        return proof;
    }

    @Test
    void aRestartWaitsForTheIntervalAfterThePassedProofStatusRecorded() {
        StandbyProofMemory memory = new StandbyProofMemory();
        memory.restore("us-east", proof(T, true), HOUR, T.plusSeconds(60));

        assertThat(memory.start("us-east", T.plus(HOUR).minusSeconds(1), HOUR)).isFalse();
        assertThat(memory.start("us-east", T.plus(HOUR), HOUR)).isTrue();
    }

    @Test
    void aFailedProofIsRetriedAfterFiveMinutesNotAnHour() {
        StandbyProofMemory memory = new StandbyProofMemory();
        memory.restore("us-east", null, HOUR, T);
        assertThat(memory.start("us-east", T, HOUR)).isTrue();
        assertThat(memory.start("us-east", T.plusSeconds(1), HOUR))
                .as("one proof at a time")
                .isFalse();

        memory.finished("us-east", proof(T.plusSeconds(10), false), HOUR);

        assertThat(memory.start(
                        "us-east", T.plusSeconds(10).plus(Duration.ofMinutes(5)).minusSeconds(1), HOUR))
                .isFalse();
        assertThat(memory.start("us-east", T.plusSeconds(10).plus(Duration.ofMinutes(5)), HOUR))
                .isTrue();
    }

    @Test
    void changedSettingsAreProvenAtOnce() {
        StandbyProofMemory memory = new StandbyProofMemory();
        memory.settings(SETTINGS, T);
        memory.restore("us-east", null, HOUR, T);
        memory.start("us-east", T, HOUR);
        memory.finished("us-east", proof(T, true), HOUR);
        assertThat(memory.start("us-east", T.plusSeconds(30), HOUR)).isFalse();

        memory.settings(
                new VerificationSettings(HOUR, Duration.ofMinutes(3), List.of("ops"), List.of()), T.plusSeconds(40));

        assertThat(memory.start("us-east", T.plusSeconds(40), HOUR)).isTrue();
    }
}
