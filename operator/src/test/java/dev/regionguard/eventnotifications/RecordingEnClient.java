package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.simulator.IbmCloudSimulator;
import dev.regionguard.sync.Json;
import dev.regionguard.testing.SimulatorClients;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The operator's HTTP client on a new simulated instance, recording every write as it was handed
 * over: these tests assert what the store asks for; HttpEventNotificationsClientTest asserts how the
 * client puts it on the wire. The simulator answers every call.
 */
final class RecordingEnClient implements EventNotificationsClient {
    static final ApiKey KEY = new ApiKey("api-key-for-en-tests-0123");

    record Call(String method, EnKind kind, String id, ObjectNode body, List<FilePart> files) {}

    private final EventNotificationsClient client;
    private final List<Call> writes = new CopyOnWriteArrayList<>();
    private final List<EnKind> lists = new CopyOnWriteArrayList<>();

    private RecordingEnClient(EventNotificationsClient client) {
        this.client = client;
    }

    static RecordingEnClient onNewInstance(IbmCloudSimulator simulator, String region) {
        String instanceId = simulator.createEventNotificationsInstance(region);
        return new RecordingEnClient(SimulatorClients.eventNotifications(simulator, SimulatorClients.FAST)
                .forInstance(region, instanceId, KEY));
    }

    /** Creates an entity as a user in the console would: not recorded. */
    ObjectNode add(EnKind kind, String singleQuotedJson) {
        return client.create(kind, Json.of(singleQuotedJson), List.of());
    }

    /** Changes an entity as a user in the console would: not recorded. */
    ObjectNode edit(EnKind kind, String id, String singleQuotedJson) {
        return client.update(kind, id, Json.of(singleQuotedJson), List.of());
    }

    /** The entity as a GET shows it, or null. */
    ObjectNode byName(EnKind kind, String name) {
        return client.list(kind).stream()
                .filter(e -> name.equals(EnJson.text(e, "name")))
                .findFirst()
                .map(e -> client.get(kind, EnJson.text(e, "id")))
                .orElse(null);
    }

    List<Call> writes() {
        return List.copyOf(writes);
    }

    void clearWrites() {
        writes.clear();
        lists.clear();
    }

    /** The kinds listed since the last clearWrites, once per list call (all pages count once). */
    List<EnKind> lists() {
        return List.copyOf(lists);
    }

    @Override
    public String region() {
        return client.region();
    }

    @Override
    public String instanceId() {
        return client.instanceId();
    }

    @Override
    public List<ObjectNode> list(EnKind kind) {
        lists.add(kind);
        return client.list(kind);
    }

    @Override
    public ObjectNode get(EnKind kind, String id) {
        return client.get(kind, id);
    }

    @Override
    public ObjectNode create(EnKind kind, ObjectNode body, List<FilePart> files) {
        writes.add(new Call("create", kind, null, body.deepCopy(), files));
        return client.create(kind, body, files);
    }

    @Override
    public ObjectNode update(EnKind kind, String id, ObjectNode body, List<FilePart> files) {
        writes.add(new Call("update", kind, id, body.deepCopy(), files));
        return client.update(kind, id, body, files);
    }

    @Override
    public void delete(EnKind kind, String id) {
        writes.add(new Call("delete", kind, id, null, List.of()));
        client.delete(kind, id);
    }

    @Override
    public ObjectNode verifyDomain(EnKind kind, String id, String type) {
        writes.add(new Call("verify " + type, kind, id, null, List.of()));
        return client.verifyDomain(kind, id, type);
    }

    @Override
    public ObjectNode upgradeSandboxDestination(String destinationId, String domain) {
        writes.add(new Call("upgrade", EnKind.DESTINATION, destinationId, null, List.of()));
        return client.upgradeSandboxDestination(destinationId, domain);
    }

    @Override
    public ObjectNode testDestination(String destinationId) {
        writes.add(new Call("test", EnKind.DESTINATION, destinationId, null, List.of()));
        return client.testDestination(destinationId);
    }

    @Override
    public List<ObjectNode> listSmtpUsers(String smtpConfigId) {
        return client.listSmtpUsers(smtpConfigId);
    }

    @Override
    public ObjectNode getSmtpUser(String smtpConfigId, String userId) {
        return client.getSmtpUser(smtpConfigId, userId);
    }

    @Override
    public ObjectNode createSmtpUser(String smtpConfigId, ObjectNode body) {
        return client.createSmtpUser(smtpConfigId, body);
    }

    @Override
    public ObjectNode updateSmtpUser(String smtpConfigId, String userId, ObjectNode body) {
        return client.updateSmtpUser(smtpConfigId, userId, body);
    }

    @Override
    public void deleteSmtpUser(String smtpConfigId, String userId) {
        client.deleteSmtpUser(smtpConfigId, userId);
    }

    @Override
    public List<ObjectNode> listTagSubscriptions(String destinationId) {
        lists.add(EnKind.TAG_SUBSCRIPTION);
        return client.listTagSubscriptions(destinationId);
    }

    @Override
    public ObjectNode findTagSubscription(String destinationId, String deviceId, String tagName) {
        return client.findTagSubscription(destinationId, deviceId, tagName);
    }

    @Override
    public ObjectNode createTagSubscription(String destinationId, ObjectNode body) {
        writes.add(new Call("create", EnKind.TAG_SUBSCRIPTION, destinationId, body.deepCopy(), List.of()));
        return client.createTagSubscription(destinationId, body);
    }

    @Override
    public void deleteTagSubscription(String destinationId, String deviceId, String tagName) {
        writes.add(new Call(
                "delete", EnKind.TAG_SUBSCRIPTION, destinationId + "/" + deviceId + "/" + tagName, null, List.of()));
        client.deleteTagSubscription(destinationId, deviceId, tagName);
    }

    @Override
    public int probe() {
        return client.probe();
    }
}
