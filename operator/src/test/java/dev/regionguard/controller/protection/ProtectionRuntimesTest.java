package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.spec.ProtectionSettings;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ProtectionRuntimesTest {

    @Test
    void theSpecIsParsedOncePerGeneration() {
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(new ObjectMetaBuilder()
                .withName("orders")
                .withNamespace("team-a")
                .withUid("uid-1")
                .build());
        ProtectionRuntimes.Runtime runtime = new ProtectionRuntimes().get(enp);
        AtomicInteger parsed = new AtomicInteger();
        Supplier<ProtectionSettings> parse = () -> {
            parsed.incrementAndGet();
            return ProtectionSettings.parse(new EventNotificationsProtectionSpec(), List.of());
        };

        ProtectionSettings first = runtime.settings(1, parse);
        assertThat(runtime.settings(1, parse)).isSameAs(first);
        assertThat(parsed).hasValue(1);

        assertThat(runtime.settings(2, parse)).isNotSameAs(first);
        assertThat(parsed).hasValue(2);
    }
}
