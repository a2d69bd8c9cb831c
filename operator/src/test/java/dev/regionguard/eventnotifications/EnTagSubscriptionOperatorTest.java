package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.SyncMode;
import dev.regionguard.api.UnsyncedEntity;
import dev.regionguard.sync.Json;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tag subscriptions through a protection's spec, on the operator: left alone by default, synced once
 * {@code spec.sync.entities} names {@code tag_subscription}, and reported per device until the app
 * registers that device with the standby.
 */
class EnTagSubscriptionOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PUSH = "web-push";

    private OperatorHarness harness;
    private EnFixture en;

    @BeforeEach
    void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
        en = new EnFixture(harness, "tags", 2);
        en.material();
        String push = en.primary
                .create(
                        EnKind.DESTINATION,
                        Json.of("{'name':'" + PUSH + "','type':'push_firefox',"
                                + "'config':{'params':{'website_url':'https://shop.example.com'}}}"),
                        List.of())
                .get("id")
                .asText();
        for (String device : List.of("device-1", "device-2")) {
            harness.simulator()
                    .outside()
                    .registerDevice(EnFixture.PRIMARY, en.primaryId, PUSH, device, "user-" + device);
        }
        subscribe(push, "device-1", "offers");
        subscribe(push, "device-2", "news");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void tagSubscriptionsAreSyncedOnlyWhenTheSpecNamesThemAndReportedUntilTheirDeviceIsRegistered() {
        harness.apply(en.protection(SyncMode.Mirror, "2s"));
        harness.awaitStatus(en.name, TIMEOUT, OperatorHarness::everyStandbySynced);
        assertThat(standbyTags()).as("not synced by default").isEmpty();
        assertThat(standby(harness.get(en.name).getStatus()).unsyncedEntities)
                .as("nor reported: they are not asked for")
                .noneMatch(u -> "tag_subscription".equals(u.type));

        harness.edit(EventNotificationsProtection.class, en.name, p -> {
            p.getSpec().sync.entities = List.of("tag_subscription");
            return p;
        });
        ProtectionStatus waiting =
                harness.awaitStatus(en.name, TIMEOUT, s -> unregistered(s).size() == 2);
        assertThat(unregistered(waiting))
                .extracting(u -> u.name)
                .containsExactlyInAnyOrder(
                        "push_firefox/web-push/device-1/offers", "push_firefox/web-push/device-2/news");
        assertThat(standby(waiting).inSync).isFalse();

        harness.simulator().outside().registerDevice(EnFixture.STANDBY, en.standbyId, PUSH, "device-1", null);
        ProtectionStatus after =
                harness.awaitStatus(en.name, TIMEOUT, s -> unregistered(s).size() == 1);
        assertThat(unregistered(after)).extracting(u -> u.name).containsExactly("push_firefox/web-push/device-2/news");
        assertThat(standbyTags()).containsExactly("device-1/offers");
    }

    private void subscribe(String destination, String device, String tag) {
        ObjectNode body = Json.of("{'device_id':'" + device + "','tag_name':'" + tag + "'}");
        en.primary.createTagSubscription(destination, body);
    }

    private static StandbyStatus standby(ProtectionStatus status) {
        return status.standbys.get(0);
    }

    private static List<UnsyncedEntity> unregistered(ProtectionStatus status) {
        return status.standbys.isEmpty()
                ? List.of()
                : standby(status).unsyncedEntities.stream()
                        .filter(u -> "DeviceNotRegistered".equals(u.reason))
                        .toList();
    }

    private List<String> standbyTags() {
        ObjectNode destination = en.standby.list(EnKind.DESTINATION).stream()
                .filter(d -> PUSH.equals(d.path("name").asText()))
                .findFirst()
                .orElse(null);
        if (destination == null) {
            return List.of();
        }
        return en.standby.listTagSubscriptions(destination.get("id").asText()).stream()
                .map(t -> t.get("device_id").asText() + "/" + t.get("tag_name").asText())
                .toList();
    }
}
