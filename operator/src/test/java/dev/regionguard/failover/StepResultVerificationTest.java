package dev.regionguard.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.health.ProbeOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepResultVerificationTest {

    @Test
    void anAnswerVerifiesTheNewActiveRegion() {
        assertThat(StepResult.verification(ProbeOutcome.success(Duration.ofMillis(40)))
                        .outcome())
                .isEqualTo(StepResult.Outcome.SUCCEEDED);
        // 401/403/429 come from the region itself: it is up, credentials are reported elsewhere
        assertThat(StepResult.verification(ProbeOutcome.ofError(ErrorCategory.AUTHORIZATION, "403"))
                        .outcome())
                .isEqualTo(StepResult.Outcome.SUCCEEDED);
        assertThat(StepResult.verification(ProbeOutcome.ofError(ErrorCategory.THROTTLED, "429"))
                        .outcome())
                .isEqualTo(StepResult.Outcome.SUCCEEDED);
    }

    @Test
    void aRegionalFailureIsARetriedFailure() {
        StepResult result = StepResult.verification(ProbeOutcome.ofError(ErrorCategory.SERVER, "503"));
        assertThat(result.outcome()).isEqualTo(StepResult.Outcome.FAILED);
        assertThat(result.permanent()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"IamUnavailable", "IamKeyRejected", "ProbeBacklog", "ProbeError"})
    void aProbeThatNeverReachedTheRegionVerifiesNothing(String reason) {
        StepResult result = StepResult.verification(
                new ProbeOutcome.Inconclusive(ErrorCategory.UNEXPECTED, reason, "IAM answered 503"));
        assertThat(result.outcome()).isEqualTo(StepResult.Outcome.FAILED);
        assertThat(result.permanent()).as("retried within the step's attempts").isFalse();
        assertThat(result.message()).isEqualTo("the region was not asked: " + reason + ": IAM answered 503");
    }
}
