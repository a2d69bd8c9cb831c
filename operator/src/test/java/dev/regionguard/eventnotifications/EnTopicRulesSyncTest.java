package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.simulator.Fault;
import dev.regionguard.simulator.FaultKind;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A changed rule of a source already on a topic reaches the standby with IBM's one replacing PUT. */
class EnTopicRulesSyncTest {
    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private static final SyncPolicy MIRROR_FULL = new SyncPolicy(true, true, 10, true, 0, null);

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
                        MIRROR_FULL,
                        (type, name) -> Optional.empty()))
                .targets()
                .get(0);
    }

    private static String topic(String sourceId, String filter) {
        return "{'name':'orders','description':'','sources':[{'id':'" + sourceId
                + "','rules':[{'enabled':true,'event_type_filter':'" + filter + "'}]}]}";
    }

    @Test
    void aRuleChangeReachesTheStandbyEvenWhenTheFirstAnswerIsLost() {
        RecordingEnClient primary = RecordingEnClient.onNewInstance(SIM.simulator(), "us-south");
        RecordingEnClient standby = RecordingEnClient.onNewInstance(SIM.simulator(), "eu-de");
        String source = primary.add(EnKind.SOURCE, "{'name':'shop','description':'','enabled':true}")
                .get("id")
                .asText();
        String topicId =
                primary.add(EnKind.TOPIC, topic(source, "$.*")).get("id").asText();
        assertThat(sync(primary, standby).issues()).isEmpty();

        primary.edit(EnKind.TOPIC, topicId, topic(source, "$.order.created"));
        SIM.simulator()
                .faults("eu-de")
                .inject(Fault.of(FaultKind.LOST_504)
                        .method("PUT")
                        .path("/v1/instances/*/topics/*")
                        .times(1));
        sync(primary, standby);
        SyncOutcome.Target settled = sync(primary, standby);

        assertThat(settled.issues()).isEmpty();
        ObjectNode copy = standby.byName(EnKind.TOPIC, "orders");
        assertThat(copy.at("/sources/0/rules")).hasSize(1);
        assertThat(copy.at("/sources/0/rules/0/event_type_filter").asText()).isEqualTo("$.order.created");
        assertThat(copy.at("/sources/0/name").asText()).isEqualTo("shop");
        assertThat(standby.writes().stream()
                        .filter(w -> w.kind() == EnKind.TOPIC && w.method().equals("delete")))
                .as("never removed and re-added")
                .isEmpty();
    }
}
