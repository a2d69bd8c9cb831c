package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.sync.SyncEngine;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncPolicy;
import dev.regionguard.sync.SyncRequest;
import dev.regionguard.sync.SyncTarget;
import dev.regionguard.sync.Watermarks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sources another IBM service registered: never skipped silently, and what uses them says why. */
class EnServiceSourceTest {
    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private static final SyncPolicy MIRROR = new SyncPolicy(true, true, 10, false, 0, null);

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SyncEngine engine = new SyncEngine(executor, 4);
    private final Watermarks watermarks = new Watermarks();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private SyncOutcome.Target sync(RecordingEnClient primary, RecordingEnClient standby) {
        return engine.sync(new SyncRequest(
                        new EnEntityStore(primary),
                        List.of(new SyncTarget("eu-de", new EnEntityStore(standby), watermarks)),
                        EnEntityTypes.all(),
                        MIRROR,
                        (type, name) -> Optional.empty()))
                .targets()
                .get(0);
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
