package dev.regionguard.cloud.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryRulesTest {
    private final RetryRules rules = new RetryRules(HttpSettings.defaults());

    @ParameterizedTest(name = "{0} sent={1} idempotent={2} -> {3}")
    @CsvSource({
        // status, sent, idempotent, retry
        "429, true,  false, true",
        "503, true,  true,  true",
        "500, true,  false, false",
        "0,   true,  true,  true",
        "0,   true,  false, false",
        "0,   false, false, true",
        "501, true,  true,  false",
        "400, true,  true,  false",
        "401, false, true,  false",
        "404, true,  true,  false",
        "409, true,  true,  false",
        "412, true,  true,  false",
    })
    void retriesOnlyWhatIsSafe(int status, boolean sent, boolean idempotent, boolean retry) {
        ErrorCategory category = status == 0 ? ErrorCategory.UNREACHABLE : ErrorCategory.ofStatus(status);
        IbmApiException failure = new IbmApiException(status, category, null, "m", null, "us-south", null, null);
        assertThat(rules.mayRetry(failure, sent, idempotent)).isEqualTo(retry);
    }

    @Test
    void throttlingIsRetriedUnlessTheRequestedWaitIsTooLong() {
        assertThat(rules.mayRetry(throttled(Duration.ofSeconds(60)), true, true))
                .isTrue();
        assertThat(rules.mayRetry(throttled(Duration.ofSeconds(61)), true, true))
                .isFalse();
    }

    @Test
    void retryAfterWinsOverBackoffEvenBeyondMaxBackoff() {
        assertThat(rules.delayAfter(1, throttled(Duration.ofSeconds(45)))).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void backoffGrowsWithJitterWithinItsBounds() {
        for (int i = 0; i < 200; i++) {
            assertThat(rules.backoff(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            assertThat(rules.backoff(3)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(4000));
            assertThat(rules.backoff(10)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
            assertThat(rules.backoff(1000)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> rules.backoff(2))
                .distinct()
                .count();
        assertThat(distinct).as("jittered").isGreaterThan(1);
    }

    private static IbmApiException throttled(Duration retryAfter) {
        return new IbmApiException(429, ErrorCategory.THROTTLED, null, "slow down", null, "us-south", retryAfter, null);
    }
}
