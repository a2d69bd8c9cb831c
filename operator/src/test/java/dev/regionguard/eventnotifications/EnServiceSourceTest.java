package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.sync.SyncOutcome;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sources another IBM service registered: never skipped silently, and what uses them says why. */
class EnServiceSourceTest {
    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private final EnPasses passes = new EnPasses();

    @AfterEach
    void stop() {
        passes.close();
    }

    private SyncOutcome.Target sync(RecordingEnClient primary, RecordingEnClient standby) {
        return passes.sync(new EnEntityStore(primary), new EnEntityStore(standby), EnPasses.MIRROR);
    }

    @Test
    void aServiceSourceTheStandbyLacksHoldsBackItsTopicsUntilTheServiceIsConnectedThere() {
        RecordingEnClient primary = RecordingEnClient.onNewInstance(SIM.simulator(), "us-south");
        RecordingEnClient standby = RecordingEnClient.onNewInstance(SIM.simulator(), "eu-de");
        String logs =
                SIM.simulator().outside().registerServiceSource("us-south", primary.instanceId(), "app-logs", "logs");
        ObjectNode orders = primary.add(EnKind.SOURCE, "{'name':'orders','description':'','enabled':true}");
        primary.add(
                EnKind.TOPIC,
                "{'name':'log-alerts','description':'','sources':[{'id':'" + logs
                        + "','rules':[{'enabled':true,'event_type_filter':'$.*'}]}]}");
        primary.add(
                EnKind.TOPIC,
                "{'name':'order-alerts','description':'','sources':[{'id':'"
                        + orders.get("id").asText() + "','rules':[{'enabled':true,'event_type_filter':'$.*'}]}]}");

        SyncOutcome.Target first = sync(primary, standby);

        assertThat(first.issues())
                .extracting(
                        SyncOutcome.EntityIssue::type, SyncOutcome.EntityIssue::name, SyncOutcome.EntityIssue::reason)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("source", "app-logs", EnSourceType.SERVICE_SOURCE_MISSING),
                        Tuple.tuple("topic", "log-alerts", EnSourceType.SERVICE_SOURCE_MISSING));
        assertThat(standby.byName(EnKind.TOPIC, "order-alerts")).isNotNull();
        assertThat(standby.byName(EnKind.TOPIC, "log-alerts")).isNull();

        SIM.simulator().outside().registerServiceSource("eu-de", standby.instanceId(), "app-logs", "logs");
        SyncOutcome.Target second = sync(primary, standby);

        assertThat(second.issues()).isEmpty();
        assertThat(standby.byName(EnKind.TOPIC, "log-alerts")
                        .at("/sources/0/name")
                        .asText())
                .isEqualTo("app-logs");
    }
}
