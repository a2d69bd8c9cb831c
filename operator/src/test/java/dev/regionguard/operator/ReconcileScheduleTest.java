package dev.regionguard.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import java.util.Map;
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

    @Test
    void theMaximumIntervalIsConfigurableWithinBounds() {
        assertThat(ReconcileSchedule.maxInterval(null)).isEqualTo(ReconcileSchedule.DEFAULT_MAX_INTERVAL);
        assertThat(ReconcileSchedule.maxInterval(" ")).isEqualTo(ReconcileSchedule.DEFAULT_MAX_INTERVAL);
        assertThat(ReconcileSchedule.maxInterval("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(OperatorConfig.fromEnvironment(Map.of("REGIONGUARD_MAX_RECONCILE_INTERVAL", "1m"))
                        .maxReconcileInterval())
                .isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> ReconcileSchedule.maxInterval("500ms")).hasMessageContaining("between 1s and 10m");
        assertThatThrownBy(() -> ReconcileSchedule.maxInterval("1h")).hasMessageContaining("between 1s and 10m");
        assertThatThrownBy(() -> ReconcileSchedule.maxInterval("9999999999999h"))
                .hasMessageStartingWith("REGIONGUARD_MAX_RECONCILE_INTERVAL: not a duration");
    }
}
