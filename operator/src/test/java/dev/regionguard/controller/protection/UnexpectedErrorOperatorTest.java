package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EnInstanceRef;
import dev.regionguard.api.EnStandby;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real operator on the embedded API: a pass that throws (here on a null standby, which the API
 * server's schema would have refused) leaves Ready=False with a short reason in status, and the
 * next good spec replaces it.
 */
class UnexpectedErrorOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static OperatorHarness harness;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start("us-south", "us-east");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void anExceptionInAPassEndsInAReadyFalseConditionUntilTheSpecIsFixed() {
        EventNotificationsProtection enp = protection("broken", Arrays.asList((EnStandby) null));
        harness.apply(enp);

        ProtectionStatus failed = harness.awaitStatus("broken", TIMEOUT, s -> "ReconcileFailed".equals(readyReason(s)));
        Condition ready = Conditions.find(failed.conditions, Conditions.READY);
        assertThat(ready.status).isEqualTo("False");
        assertThat(ready.message)
                .startsWith("NullPointerException")
                .doesNotContain("\n")
                .doesNotContain("\tat ");
        assertThat(ready.message.length()).isLessThanOrEqualTo(200);

        harness.apply(protection("broken", List.of(new EnStandby("us-east", "22222222-2222-2222-2222-222222222222"))));

        ProtectionStatus fixed = harness.awaitStatus("broken", TIMEOUT, s -> "SecretNotFound".equals(readyReason(s)));
        assertThat(Conditions.find(fixed.conditions, Conditions.READY).message).contains("broken-apikey");
    }

    private static String readyReason(ProtectionStatus status) {
        Condition ready = Conditions.find(status.conditions, Conditions.READY);
        return ready == null ? null : ready.reason;
    }

    private static EventNotificationsProtection protection(String name, List<EnStandby> standbys) {
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(OperatorHarness.NAMESPACE)
                .build());
        EventNotificationsProtectionSpec spec = new EventNotificationsProtectionSpec();
        spec.primary = new EnInstanceRef("us-south", "11111111-1111-1111-1111-111111111111");
        spec.standbys = standbys;
        spec.credentialsSecretRef = new SecretKeyRef(name + "-apikey", "apikey");
        enp.setSpec(spec);
        return enp;
    }
}
