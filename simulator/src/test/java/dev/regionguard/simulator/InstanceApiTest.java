package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One simulator per test class, one fresh EN instance in us-south per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InstanceApiTest {

    static final String REGION = "us-south";

    /** An instance field: each subclass gets its own simulator (the class's lifecycle is PER_CLASS). */
    @RegisterExtension
    final SimulatorFixture sim = SimulatorFixture.regions(REGION);

    IbmCloudSimulator simulator;
    SimClient client;
    String instanceId;
    /** {@code <en url>/v1/instances/<instanceId>} */
    String base;

    Fixtures fixtures;

    @BeforeAll
    void startClient() {
        simulator = sim.simulator();
        client = new SimClient(simulator, "key");
    }

    @BeforeEach
    void newInstance() {
        instanceId = simulator.createEventNotificationsInstance(REGION);
        base = client.instanceUrl(REGION, instanceId);
        fixtures = new Fixtures(client, base);
    }

    /** Field names in order: the wire shape of an answer. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
