package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.EventNotificationsProtection;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

/** The names of the SMTP user Secrets: stable, one per instance and user, always a valid name. */
class SmtpUserSecretsTest {

    private static SmtpUserSecrets secrets(String protection, String instance) {
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(new ObjectMetaBuilder()
                .withName(protection)
                .withNamespace("team-a")
                .withUid("uid-1")
                .build());
        return new SmtpUserSecrets(null, enp, "us-east", instance);
    }

    @Test
    void aNameSaysProtectionAndRegionAndIsStablePerInstanceAndUser() {
        String name = secrets("orders", "i-1").name("u-1");

        assertThat(name).matches("orders-smtp-us-east-[0-9a-f]{10}");
        assertThat(secrets("orders", "i-1").name("u-1")).isEqualTo(name);
        assertThat(secrets("orders", "i-1").name("u-2")).isNotEqualTo(name);
        assertThat(secrets("orders", "i-2").name("u-1")).isNotEqualTo(name);
    }

    @Test
    void aLongProtectionNameIsCutToAValidName() {
        String longName = "a".repeat(228) + "." + "b".repeat(24); // cut right after the dot

        String name = secrets(longName, "i-1").name("u-1");

        assertThat(name).hasSizeLessThanOrEqualTo(253).matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
        assertThat(name).doesNotContain(".-");
    }
}
