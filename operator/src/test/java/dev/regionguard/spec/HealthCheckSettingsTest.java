package dev.regionguard.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionguard.api.HealthCheckSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthCheckSettingsTest {

    @Test
    void absentOrEmptySpecMeansTheDocumentedDefaults() throws Blocked {
        HealthCheckSpec empty = new HealthCheckSpec();
        empty.interval = null;
        empty.timeout = null;
        empty.failureThreshold = null;
        empty.successThreshold = null;

        for (HealthCheckSettings settings : new HealthCheckSettings[] {
            HealthCheckSettings.of(null), HealthCheckSettings.of(empty), HealthCheckSettings.of(new HealthCheckSpec())
        }) {
            assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(settings.failureThreshold()).isEqualTo(3);
            assertThat(settings.successThreshold()).isEqualTo(2);
        }
    }

    @Test
    void parsesDurationsAndThresholds() throws Blocked {
        HealthCheckSpec spec = new HealthCheckSpec();
        spec.interval = "1m30s";
        spec.timeout = "1500ms";
        spec.failureThreshold = 5;
        spec.successThreshold = 1;

        HealthCheckSettings settings = HealthCheckSettings.of(spec);

        assertThat(settings).isEqualTo(new HealthCheckSettings(Duration.ofSeconds(90), Duration.ofMillis(1500), 5, 1));
        assertThat(settings.timeToUnhealthy()).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void aTimeoutNotShorterThanTheIntervalBlocksTheProtection() {
        HealthCheckSpec spec = new HealthCheckSpec();
        spec.interval = "5s";
        spec.timeout = "5s";

        assertThatThrownBy(() -> HealthCheckSettings.of(spec))
                .isInstanceOf(Blocked.class)
                .hasMessageContaining("timeout")
                .hasMessageContaining("shorter than healthCheck.interval");
    }

    @Test
    void unparseableDurationsAndSubSecondIntervalsBlock() {
        HealthCheckSpec words = new HealthCheckSpec();
        words.interval = "ten seconds";
        HealthCheckSpec tooFast = new HealthCheckSpec();
        tooFast.interval = "500ms";
        tooFast.timeout = "100ms";

        assertThatThrownBy(() -> HealthCheckSettings.of(words))
                .isInstanceOf(Blocked.class)
                .hasMessageStartingWith("healthCheck: not a duration");
        assertThatThrownBy(() -> HealthCheckSettings.of(tooFast))
                .isInstanceOf(Blocked.class)
                .hasMessageContaining("at least 1s");
    }
}
