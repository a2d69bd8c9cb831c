package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.simulator.Fault;
import dev.regionguard.simulator.FaultKind;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.sync.SyncOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A changed rule of a source already on a topic reaches the standby with IBM's one replacing PUT. */
class EnTopicRulesSyncTest {
    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private final EnPasses passes = new EnPasses();

    @AfterEach
    void stop() {
        passes.close();
    }

    private SyncOutcome.Target sync(RecordingEnClient primary, RecordingEnClient standby) {
        return passes.sync(new EnEntityStore(primary), new EnEntityStore(standby), EnPasses.MIRROR_FULL);
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
