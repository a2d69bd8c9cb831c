package dev.regionguard.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcileScheduleTest {
    @Test
    void retriesForeverWithABoundedBackOff() {
        RetryExecution retry = ReconcileSchedule.neverGiveUp().initExecution();
        Optional<Long> first = retry.nextDelay();
        assertThat(first).contains(ReconcileSchedule.FIRST_RETRY.toMillis());
        long last = first.orElseThrow();
        // far more attempts than JOSDK's default limit (5): a long API server outage must not end monitoring
        for (int attempt = 2; attempt <= 10_000; attempt++) {
            Optional<Long> delay = retry.nextDelay();
            assertThat(delay).as("attempt %d", attempt).isPresent();
            assertThat(delay.orElseThrow()).isBetween(last, ReconcileSchedule.LONGEST_RETRY.toMillis());
            last = delay.orElseThrow();
        }
        assertThat(last).isEqualTo(ReconcileSchedule.LONGEST_RETRY.toMillis());
    }
}
