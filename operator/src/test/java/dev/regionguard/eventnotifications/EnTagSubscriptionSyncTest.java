package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.simulator.Fault;
import dev.regionguard.simulator.FaultKind;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.sync.SyncOutcome;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tag subscriptions of push destinations through the real engine and client on the simulator: copied
 * for devices registered with the standby, reported as DeviceNotRegistered for the others, deleted
 * only on proof, and never read for destinations that cannot have them.
 */
class EnTagSubscriptionSyncTest {
    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private static final EnTagSubscriptionType TYPE = new EnTagSubscriptionType();

    private final EnPasses passes = new EnPasses();
    private RecordingEnClient primary;
    private RecordingEnClient standby;
    private String primaryPush;

    @BeforeEach
    void instances() {
        primary = RecordingEnClient.onNewInstance(SIM.simulator(), "us-south");
        standby = RecordingEnClient.onNewInstance(SIM.simulator(), "eu-de");
        primaryPush = primary.add(
                        EnKind.DESTINATION,
                        "{'name':'web-push','type':'push_firefox',"
                                + "'config':{'params':{'website_url':'https://shop.example.com'}}}")
                .get("id")
                .asText();
        primary.add(
                EnKind.DESTINATION,
                "{'name':'hooks','type':'webhook','config':{'params':{'url':'https://hooks.example.com','verb':'post'}}}");
        registerOnPrimary("device-1");
        registerOnPrimary("device-2");
        subscribeOnPrimary("device-1", "offers");
        subscribeOnPrimary("device-1", "news");
        subscribeOnPrimary("device-2", "offers");
    }

    @AfterEach
    void stop() {
        passes.close();
    }

    @Test
    void aSubscriptionIsCopiedOnceItsDeviceIsRegisteredWithTheStandbyAndReportedUntilThen() {
        SyncOutcome.Target first = sync();

        assertThat(standby.byName(EnKind.DESTINATION, "web-push")).isNotNull();
        assertThat(first.counts().failed())
                .as("a device the standby does not know is for its app to register: skipped, not a failed write")
                .isZero();
        assertThat(first.counts().skipped()).isEqualTo(3);
        assertThat(first.issues())
                .extracting(
                        SyncOutcome.EntityIssue::type, SyncOutcome.EntityIssue::name, SyncOutcome.EntityIssue::reason)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("tag_subscription", "push_firefox/web-push/device-1/offers", "DeviceNotRegistered"),
                        Tuple.tuple("tag_subscription", "push_firefox/web-push/device-1/news", "DeviceNotRegistered"),
                        Tuple.tuple(
                                "tag_subscription", "push_firefox/web-push/device-2/offers", "DeviceNotRegistered"));

        SIM.simulator().outside().registerDevice("eu-de", standby.instanceId(), "web-push", "device-1", null);
        SyncOutcome.Target second = sync();

        assertThat(standbyTags()).containsExactlyInAnyOrder("device-1/offers", "device-1/news");
        assertThat(second.issues())
                .extracting(SyncOutcome.EntityIssue::name, SyncOutcome.EntityIssue::reason)
                .containsExactly(Tuple.tuple("push_firefox/web-push/device-2/offers", "DeviceNotRegistered"));

        SIM.simulator().outside().registerDevice("eu-de", standby.instanceId(), "web-push", "device-2", null);
        assertThat(sync().issues()).isEmpty();
        assertThat(standbyTags()).hasSize(3);

        standby.clearWrites();
        assertThat(sync().issues()).isEmpty();
        assertThat(standby.writes()).as("an unchanged pass writes nothing").isEmpty();
    }

    @Test
    void aSubscriptionThePrimaryDroppedIsDeletedOnTheStandbyAfterTwoListsAndTheOthersStay() {
        registerOnStandbyAfterFirstSync();
        assertThat(standbyTags()).hasSize(3);

        EnEntityStore primaryStore = new EnEntityStore(primary);
        String newsId = EnTagSubscriptionStore.path(primaryPush, "device-1", "news");
        ObjectNode news = primaryStore.find(TYPE, newsId);
        assertThat(news).as("found by its id").isNotNull();
        assertThat(TYPE.key(news)).isEqualTo("push_firefox/web-push/device-1/news");
        primary.deleteTagSubscription(primaryPush, "device-1", "news");
        assertThat(primaryStore.find(TYPE, newsId)).isNull();

        sync();
        assertThat(standbyTags())
                .as("its find reads the same collection as the list: one list without it is no proof")
                .hasSize(3);
        sync();

        assertThat(standbyTags()).containsExactlyInAnyOrder("device-1/offers", "device-2/offers");
    }

    @Test
    void listsOfThePrimarysSubscriptionsPoisonedEmptyDeleteNothingPassAfterPass() {
        registerOnStandbyAfterFirstSync();
        assertThat(standbyTags()).hasSize(3);
        Fault empty = Fault.of(FaultKind.EMPTY_LIST).path("/v1/instances/*/destinations/*/tag_subscriptions");
        SIM.simulator().faults("us-south").inject(empty);

        for (int pass = 0; pass < 4; pass++) {
            standby.clearWrites();
            SyncOutcome.Target outcome = sync();
            assertThat(standby.writes()).as("pass %d", pass).isEmpty();
            assertThat(outcome.typeHolds())
                    .extracting(SyncOutcome.TypeHold::type, SyncOutcome.TypeHold::reason)
                    .containsExactly(Tuple.tuple("tag_subscription", "PrimaryTypeEmpty"));
        }

        assertThat(standbyTags()).hasSize(3);
        assertThat(empty.fired())
                .as("the primary's list was poisoned in every pass")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void keysAndIdsKeepDevicesAndTagsApartWhateverTheyContain() {
        registerOnPrimary("a/b");
        registerOnPrimary("a");
        registerOnPrimary("phone 1+%");
        subscribeOnPrimary("a/b", "c");
        subscribeOnPrimary("a", "b/c");
        subscribeOnPrimary("phone 1+%", "news & offers");
        EnEntityStore store = new EnEntityStore(primary);

        List<ObjectNode> listed = store.list(TYPE);

        assertThat(listed.stream().map(TYPE::key).distinct()).hasSize(6);
        for (ObjectNode subscription : listed) {
            ObjectNode found = store.find(TYPE, TYPE.id(subscription));
            assertThat(found).as(TYPE.key(subscription)).isNotNull();
            assertThat(TYPE.key(found)).isEqualTo(TYPE.key(subscription));
        }
    }

    @Test
    void storesKeptFromPassToPassListTheParentsAgainInEachPass() {
        EnEntityStore primaryStore = new EnEntityStore(primary);
        EnEntityStore standbyStore = new EnEntityStore(standby);
        passes.sync(primaryStore, standbyStore, EnPasses.MIRROR);
        assertThat(standby.byName(EnKind.DESTINATION, "hooks")).isNotNull();
        primary.delete(
                EnKind.DESTINATION,
                primary.byName(EnKind.DESTINATION, "hooks").get("id").asText());

        for (int pass = 0; pass < 2 && standby.byName(EnKind.DESTINATION, "hooks") != null; pass++) {
            passes.sync(primaryStore, standbyStore, EnPasses.MIRROR);
        }

        assertThat(standby.byName(EnKind.DESTINATION, "hooks"))
                .as("the primary's deletion, seen through stores kept from the last pass")
                .isNull();
    }

    @Test
    void onlyPushDestinationsAreAskedForTagSubscriptions() {
        sync();
        primary.clearWrites();

        sync();

        assertThat(primary.lists().stream().filter(k -> k == EnKind.TAG_SUBSCRIPTION))
                .as("one list for the one push destination, none for the webhook")
                .hasSize(1);
    }

    private SyncOutcome.Target sync() {
        return passes.sync(new EnEntityStore(primary), new EnEntityStore(standby), EnPasses.MIRROR);
    }

    /** The destination is copied first: devices register with a destination that exists. */
    private void registerOnStandbyAfterFirstSync() {
        sync();
        SIM.simulator().outside().registerDevice("eu-de", standby.instanceId(), "web-push", "device-1", null);
        SIM.simulator().outside().registerDevice("eu-de", standby.instanceId(), "web-push", "device-2", null);
        sync();
    }

    private void registerOnPrimary(String device) {
        SIM.simulator()
                .outside()
                .registerDevice("us-south", primary.instanceId(), "web-push", device, "user-" + device);
    }

    private void subscribeOnPrimary(String device, String tag) {
        ObjectNode body = dev.regionguard.sync.Json.of("{'device_id':'" + device + "','tag_name':'" + tag + "'}");
        primary.createTagSubscription(primaryPush, body);
    }

    private List<String> standbyTags() {
        String destination =
                standby.byName(EnKind.DESTINATION, "web-push").get("id").asText();
        return standby.listTagSubscriptions(destination).stream()
                .map(t -> t.get("device_id").asText() + "/" + t.get("tag_name").asText())
                .toList();
    }
}
