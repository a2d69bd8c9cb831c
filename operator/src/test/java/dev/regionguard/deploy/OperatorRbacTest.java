package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.SyncMode;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import dev.regionguard.testing.RecordingKubernetesClient;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Least privilege checked against what the operator really asks of the API: every request its client
 * sends while a protection syncs, fails over on its own and is deleted is one that the operator's
 * ClusterRole (the numbered manifest, as Helm renders it by default) allows.
 */
class OperatorRbacTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void everyRequestOfASyncAnAutomaticFailoverAndADeletionIsAllowedByTheOperatorsClusterRole() throws IOException {
        List<PolicyRule> rules = clusterRole().getRules();
        OperatorHarness harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
        RecordingKubernetesClient recording = new RecordingKubernetesClient(harness.client());
        try {
            harness.restartOperator(recording.client());
            EnFixture en = new EnFixture(harness, "rbac", 8);
            en.material();
            EventNotificationsProtection enp = en.protection(SyncMode.Mirror, "5s");
            enp.getSpec().healthCheck.interval = "1s";
            enp.getSpec().healthCheck.timeout = "800ms";
            enp.getSpec().healthCheck.successThreshold = 1;
            enp.getSpec().failover.mode = FailoverMode.Automatic;
            harness.apply(enp);
            harness.awaitStatus(en.name, TIMEOUT, OperatorHarness::everyStandbySynced);
            harness.simulator().faults(EnFixture.PRIMARY).down(DownMode.UNAVAILABLE);
            harness.awaitStatus(
                    en.name,
                    TIMEOUT,
                    s -> EnFixture.STANDBY.equals(s.activeRegion)
                            && s.failover == null
                            && !s.failoverHistory.isEmpty());
            harness.client().resource(harness.get(en.name)).delete();
            await().atMost(TIMEOUT).until(() -> harness.get(en.name) == null);

            List<ApiRequest> requests = recording.requests().stream()
                    .map(r -> ApiRequest.of(r.method(), r.uri()))
                    .filter(Objects::nonNull)
                    .toList();
            assertThat(requests)
                    .as("the scenario wrote status, created a failover and added its finalizer")
                    .extracting(ApiRequest::toString)
                    .contains(
                            "update regionguard.dev/eventnotificationsprotections/status",
                            "create regionguard.dev/regionfailovers",
                            "update regionguard.dev/regionfailovers/status",
                            "patch regionguard.dev/regionfailovers",
                            "get /secrets",
                            "create /events");
            assertThat(requests.stream()
                            .filter(r -> !r.exempt() && !r.allowedBy(rules))
                            .map(ApiRequest::toString)
                            .distinct())
                    .as("requests the operator's ClusterRole does not allow")
                    .isEmpty();
        } finally {
            harness.close(); // the operator first: it sends through the recording client
            recording.close();
        }
    }

    private static ClusterRole clusterRole() throws IOException {
        String yaml = Files.readString(Repo.MANIFESTS.resolve("030-ClusterRole-regionguard-operator.yaml"));
        return Serialization.unmarshal(yaml, ClusterRole.class);
    }
}
