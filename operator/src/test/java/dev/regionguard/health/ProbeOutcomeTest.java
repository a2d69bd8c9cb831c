package dev.regionguard.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.cloud.ErrorCategory;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProbeOutcomeTest {

    @Test
    void onlyServerErrorsAndNoAnswerAreRegionFailures() {
        EnumSet<ErrorCategory> failures = EnumSet.noneOf(ErrorCategory.class);
        for (ErrorCategory category : ErrorCategory.values()) {
            if (ProbeOutcome.ofError(category, "x") instanceof ProbeOutcome.Failure) {
                failures.add(category);
            }
        }
        assertThat(failures).containsExactlyInAnyOrder(ErrorCategory.SERVER, ErrorCategory.UNREACHABLE);
    }

    @ParameterizedTest
    @EnumSource(
            value = ErrorCategory.class,
            names = {"AUTHENTICATION", "AUTHORIZATION", "THROTTLED"})
    void credentialsAndThrottlingAreInconclusive(ErrorCategory category) {
        ProbeOutcome outcome = ProbeOutcome.ofError(category, "refused");

        assertThat(outcome).isInstanceOf(ProbeOutcome.Inconclusive.class);
        assertThat(((ProbeOutcome.Inconclusive) outcome).credentials()).isEqualTo(category != ErrorCategory.THROTTLED);
    }

    @Test
    void aTimeoutIsAnUnreachableFailure() {
        ProbeOutcome outcome = ProbeOutcome.timedOut(Duration.ofSeconds(5));

        assertThat(outcome).isEqualTo(new ProbeOutcome.Failure(ErrorCategory.UNREACHABLE, "no answer within 5000ms"));
    }
}
