package dev.regionguard.controller.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.failover.AutomaticFailoverPolicy;
import dev.regionguard.failover.FailoverRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AutomaticFailoverRequestTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void isAPlainFailoverToTheDecidedTargetMarkedAutomatic() {
        AutomaticFailoverPolicy.Decision decision =
                new AutomaticFailoverPolicy.Decision("us-east", "automatic: us-south down");

        RegionFailover rfo = AutomaticFailoverRequest.build(
                ProtectionKind.EventNotificationsProtection, "orders-notifications", "default", decision, NOW);

        assertThat(rfo.getMetadata().getName()).isEqualTo("orders-notifications-auto-" + NOW.getEpochSecond());
        assertThat(rfo.getMetadata().getNamespace()).isEqualTo("default");
        assertThat(rfo.getMetadata().getLabels())
                .containsEntry(RegionFailover.TRIGGER_LABEL, RegionFailover.AUTOMATIC)
                .containsEntry(RegionFailover.PROTECTION_LABEL, "orders-notifications");
        assertThat(rfo.getSpec().type).isEqualTo(FailoverType.Failover);
        assertThat(rfo.getSpec().targetRegion).isEqualTo("us-east");
        assertThat(rfo.getSpec().force).isFalse();
        assertThat(rfo.getSpec().protectionRef.name).isEqualTo("orders-notifications");

        FailoverRequest request = FailoverRequests.of(rfo);
        assertThat(request.automatic()).isTrue();
        assertThat(request.reason()).isEqualTo("automatic: us-south down");
    }

    @Test
    void longNamesAndReasonsFitTheApiLimits() {
        String longName = "p".repeat(250);
        AutomaticFailoverPolicy.Decision decision = new AutomaticFailoverPolicy.Decision("us-east", "x".repeat(5000));

        RegionFailover rfo =
                AutomaticFailoverRequest.build(ProtectionKind.CodeEngineProtection, longName, "ns", decision, NOW);

        assertThat(rfo.getMetadata().getName()).hasSizeLessThanOrEqualTo(253).endsWith("-auto-" + NOW.getEpochSecond());
        assertThat(rfo.getMetadata().getLabels()).doesNotContainKey(RegionFailover.PROTECTION_LABEL);
        assertThat(rfo.getSpec().reason).hasSize(1024);
    }
}
