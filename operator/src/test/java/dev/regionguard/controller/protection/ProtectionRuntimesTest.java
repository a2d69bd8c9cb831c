package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.spec.ProtectionSettings;
import dev.regionguard.sync.Watermarks;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ProtectionRuntimesTest {

    private static ProtectionRuntimes.Runtime runtime() {
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(new ObjectMetaBuilder()
                .withName("orders")
                .withNamespace("team-a")
                .withUid("uid-1")
                .build());
        return new ProtectionRuntimes().get(enp);
    }

    @Test
    void changedOverridesStartTheDirectionsWatermarksAfreshAndOnlyThatDirections() {
        ProtectionRuntimes.Runtime runtime = runtime();
        Watermarks east = runtime.watermarks("us-south>us-east", "digest-1");
        Watermarks europe = runtime.watermarks("us-south>eu-de", "digest-1");

        assertThat(runtime.watermarks("us-south>us-east", "digest-1")).isSameAs(east);
        Watermarks changed = runtime.watermarks("us-south>us-east", "digest-2");
        assertThat(changed).isNotSameAs(east);
        assertThat(runtime.watermarks("us-south>us-east"))
                .as("what the sync memory saves")
                .isSameAs(changed);
        assertThat(runtime.overridesDigest("us-south>us-east")).isEqualTo("digest-2");
        assertThat(runtime.watermarks("us-south>eu-de", "digest-1")).isSameAs(europe);
    }

    @Test
    void restoredWatermarksAreUsedOnlyUnderTheOverridesTheyWereSavedWith() {
        ProtectionRuntimes.Runtime runtime = runtime();
        Watermarks kept = new Watermarks();
        Watermarks other = new Watermarks();
        runtime.restore("us-south>us-east", kept, "digest-1");
        runtime.restore("us-south>eu-de", other, "digest-1");

        assertThat(runtime.watermarks("us-south>us-east", "digest-1")).isSameAs(kept);
        assertThat(runtime.watermarks("us-south>eu-de", "digest-9")).isNotSameAs(other);
    }

    @Test
    void theSpecIsParsedOncePerGeneration() {
        ProtectionRuntimes.Runtime runtime = runtime();
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
