package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.failover.ActiveRegionRecord;
import dev.regionguard.testing.EmbeddedApi;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ledger ConfigMap on the embedded Kubernetes API: round trip, labels, no owner, optimistic writes. */
class LedgerStoreTest {
    private static final ProtectionKind KIND = ProtectionKind.EventNotificationsProtection;

    @RegisterExtension
    static final EmbeddedApi API = new EmbeddedApi();

    private static EventNotificationsProtection protection(String name) {
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace("default").build());
        return enp;
    }

    private static ActiveRegionRecord record(String active, long epoch, Set<String> fenced, Set<String> pending) {
        return new ActiveRegionRecord(
                active,
                epoch,
                new TreeSet<>(fenced),
                new TreeSet<>(pending),
                new TreeMap<>(Map.of("us-south", "a", "eu-de", "b")));
    }

    @Test
    void aWrittenLedgerReadsBackWithItsLabelsAndNoOwner() {
        KubernetesClient client = API.client();
        EventNotificationsProtection enp = protection("round-trip");
        assertThat(LedgerStore.read(client, KIND, enp).record()).isNull();

        ActiveRegionRecord written = record("eu-de", 3, Set.of("us-south"), Set.of("us-south"));
        LedgerStore.write(client, KIND, enp, LedgerStore.read(client, KIND, enp), written);

        assertThat(LedgerStore.read(client, KIND, enp).record()).isEqualTo(written);
        ConfigMap map = client.configMaps()
                .inNamespace("default")
                .withName("regionguard-ledger-enp-round-trip")
                .get();
        assertThat(map.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "regionguard")
                .containsEntry("regionguard.dev/protection", "round-trip");
        assertThat(map.getMetadata().getOwnerReferences()).isEmpty();
    }

    @Test
    void aWriteFromAStaleReadIsRefused() {
        KubernetesClient client = API.client();
        EventNotificationsProtection enp = protection("stale");
        LedgerStore.write(
                client, KIND, enp, LedgerStore.read(client, KIND, enp), record("us-south", 0, Set.of(), Set.of()));
        LedgerStore.Read before = LedgerStore.read(client, KIND, enp);
        LedgerStore.write(client, KIND, enp, before, record("eu-de", 1, Set.of("us-south"), Set.of()));

        assertThatThrownBy(
                        () -> LedgerStore.write(client, KIND, enp, before, record("us-south", 1, Set.of(), Set.of())))
                .isInstanceOf(KubernetesClientException.class);
        assertThat(LedgerStore.read(client, KIND, enp).record().activeRegion()).isEqualTo("eu-de");
        // and a second creation does not replace an existing ledger
        assertThatThrownBy(() -> LedgerStore.write(
                        client, KIND, enp, new LedgerStore.Read(null, null), record("us-south", 0, Set.of(), Set.of())))
                .isInstanceOf(KubernetesClientException.class);
    }
}
