package dev.regionguard.controller.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.EnInstanceRef;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.testing.EmbeddedApi;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Status writes on the embedded Kubernetes API: locked on the version the reconcile read. */
class StatusWritesTest {
    @RegisterExtension
    static final EmbeddedApi API = new EmbeddedApi();

    private static EventNotificationsProtection created(String name) {
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace("default")
                .withFinalizers("regionguard.dev/finalizer")
                .build());
        EventNotificationsProtectionSpec spec = new EventNotificationsProtectionSpec();
        spec.primary = new EnInstanceRef("us-south", "11111111-1111-1111-1111-111111111111");
        enp.setSpec(spec);
        return API.client().resource(enp).create();
    }

    private static ProtectionStatus synced(String when) {
        ProtectionStatus status = new ProtectionStatus();
        StandbyStatus standby = new StandbyStatus();
        standby.region = "us-east";
        standby.lastSuccessfulSyncTime = when;
        status.standbys = List.of(standby);
        status.standbysInSync = "1/1";
        return status;
    }

    private static EventNotificationsProtection onServer(String name) {
        return API.client()
                .resources(EventNotificationsProtection.class)
                .inNamespace("default")
                .withName(name)
                .get();
    }

    @Test
    void aStatusBuiltFromAViewOlderThanTheLastWriteIsRefusedAndTheNewerStatusStays() {
        KubernetesClient client = API.client();
        EventNotificationsProtection beforeAnyStatus = created("stale");
        assertThat(StatusWrites.write(client, beforeAnyStatus, synced("2026-12-07T00:58:20Z")))
                .isPresent();

        // a reconcile that still sees the protection without a status builds one with no standbys
        Optional<EventNotificationsProtection> stale =
                StatusWrites.write(client, beforeAnyStatus, new ProtectionStatus());

        assertThat(stale).isEmpty();
        assertThat(onServer("stale").getStatus().standbys)
                .extracting(s -> s.lastSuccessfulSyncTime)
                .containsExactly("2026-12-07T00:58:20Z");
    }

    @Test
    void aWriteFromTheCurrentViewReplacesTheStatusAndNothingElse() {
        KubernetesClient client = API.client();
        EventNotificationsProtection first = StatusWrites.write(
                        client, created("current"), synced("2026-12-07T01:00:00Z"))
                .orElseThrow();

        EventNotificationsProtection second = StatusWrites.write(client, first, synced("2026-12-07T01:00:05Z"))
                .orElseThrow();

        EventNotificationsProtection stored = onServer("current");
        assertThat(stored.getMetadata().getResourceVersion())
                .isEqualTo(second.getMetadata().getResourceVersion());
        assertThat(stored.getStatus().standbys.get(0).lastSuccessfulSyncTime).isEqualTo("2026-12-07T01:00:05Z");
        assertThat(stored.getSpec().primary.region).isEqualTo("us-south");
        assertThat(stored.getMetadata().getFinalizers()).containsExactly("regionguard.dev/finalizer");
        assertThat(first.getStatus().standbys.get(0).lastSuccessfulSyncTime)
                .as("the object read, as JOSDK caches it, is left as it was")
                .isEqualTo("2026-12-07T01:00:00Z");
    }
}
