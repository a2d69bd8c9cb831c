package dev.regionguard.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.Condition;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.StandbyVerification;
import dev.regionguard.api.VerificationCheck;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StandbyVerificationsTest {
    private static final Instant END = Instant.parse("2026-12-06T10:00:00Z");

    private static StandbyStatus standby(String region, StandbyVerification proof) {
        StandbyStatus s = new StandbyStatus();
        s.region = region;
        s.verification = proof;
        return s;
    }

    @Test
    void aProofPassesOnlyWhenEveryCheckPassedAndNamesTheFirstFailure() {
        VerificationCheck ok = new VerificationCheck("app/api", true, 40, "/ answered 200");
        VerificationCheck bad = new VerificationCheck("job/smoke", false, 900, "run smoke-x failed in 900ms");

        StandbyVerification passed = StandbyVerifications.summarize(List.of(ok), END, 41);
        StandbyVerification failed = StandbyVerifications.summarize(List.of(ok, bad), END, 950);
        StandbyVerification empty = StandbyVerifications.summarize(List.of(), END, 0);

        assertThat(passed.verified).isTrue();
        assertThat(passed.message).isEqualTo("1 check passed");
        assertThat(passed.time).isEqualTo("2026-12-06T10:00:00Z");
        assertThat(failed.verified).isFalse();
        assertThat(failed.message).isEqualTo("job/smoke: run smoke-x failed in 900ms");
        assertThat(empty.verified).isFalse();
    }

    @Test
    void theConditionIsFalseOnAnyFailureUnknownBeforeTheFirstProofAndIgnoresFencedStandbys() {
        StandbyVerification passed = StandbyVerifications.summarize(
                List.of(new VerificationCheck("destination/a", true, 5, "IBM's test success")), END, 5);
        StandbyVerification failed = StandbyVerifications.summarize(
                List.of(new VerificationCheck("destination/a", false, 5, "IBM's test failed")), END, 5);

        Condition allPassed = StandbyVerifications.condition(List.of(standby("us-east", passed)), Set.of());
        Condition oneFailed =
                StandbyVerifications.condition(List.of(standby("us-east", passed), standby("eu-de", failed)), Set.of());
        Condition fencedFailed = StandbyVerifications.condition(
                List.of(standby("us-east", passed), standby("eu-de", failed)), Set.of("eu-de"));
        Condition notYet = StandbyVerifications.condition(List.of(standby("us-east", null)), Set.of());

        assertThat(allPassed.status).isEqualTo("True");
        assertThat(allPassed.message).isEqualTo("last proof passed: us-east at 2026-12-06T10:00:00Z");
        assertThat(oneFailed.status).isEqualTo("False");
        assertThat(oneFailed.message).isEqualTo("last proof failed: eu-de: destination/a: IBM's test failed");
        assertThat(fencedFailed.status).isEqualTo("True");
        assertThat(notYet.status).isEqualTo("Unknown");
        assertThat(notYet.reason).isEqualTo("NotVerifiedYet");
    }
}
