package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.sync.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The direct read that confirms a deletion, against the simulator: found, 404 as null, other errors thrown. */
class EnDirectReadTest {
    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south");

    private static EntityType topicType() {
        return EnEntityTypes.all().stream()
                .filter(t -> EnEntityTypes.kind(t) == EnKind.TOPIC)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void findAnswersTheEntityThenNullOnceItIsDeleted() {
        RecordingEnClient primary = RecordingEnClient.onNewInstance(SIM.simulator(), "us-south");
        EnEntityStore store = new EnEntityStore(primary);
        ObjectNode topic = primary.add(EnKind.TOPIC, "{'name':'alerts','description':'','sources':[]}");
        String id = topic.get("id").asText();

        ObjectNode found = store.find(topicType(), id);
        primary.delete(EnKind.TOPIC, id);
        ObjectNode gone = store.find(topicType(), id);

        assertThat(topicType().key(found)).isEqualTo("alerts");
        assertThat(gone).isNull();
    }

    @Test
    void aFailedReadIsThrownNotTakenForAbsence() {
        RecordingEnClient primary = RecordingEnClient.onNewInstance(SIM.simulator(), "us-south");
        EnEntityStore store = new EnEntityStore(primary);
        ObjectNode topic = primary.add(EnKind.TOPIC, "{'name':'alerts','description':'','sources':[]}");
        SIM.simulator().faults("us-south").down(DownMode.UNAVAILABLE);
        try {
            assertThatThrownBy(() -> store.find(topicType(), topic.get("id").asText()))
                    .isInstanceOf(IbmApiException.class);
        } finally {
            SIM.simulator().faults("us-south").clear();
        }
    }
}
