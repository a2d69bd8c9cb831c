package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.sync.Json;
import dev.regionguard.sync.Material;
import dev.regionguard.sync.MaterialSource;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.SyncEngine;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncPolicy;
import dev.regionguard.sync.SyncRequest;
import dev.regionguard.sync.SyncTarget;
import dev.regionguard.sync.Watermarks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The EN types and store driven by the real engine against two simulated instances. */
class EnEndToEndSyncTest {
    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private static final SyncPolicy MIRROR = new SyncPolicy(true, true, 10, false, 0, null);
    private static final SyncPolicy MIRROR_FULL = new SyncPolicy(true, true, 10, true, 0, null);

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SyncEngine engine = new SyncEngine(executor, 4);
    private RecordingEnClient primary;
    private RecordingEnClient standby;
    private final Watermarks watermarks = new Watermarks();
    private final Map<String, Material> materials = Map.of(
            "destination/ops-hook",
                    new Material(Map.of("header.Authorization", "Bearer s3cr3t"), List.of(), "d1", "Secret hook"),
            "template/ops-note",
                    new Material(Map.of("body", "{\"text\":\"{{data}}\"}"), List.of(), "d2", "ConfigMap note"),
            "destination/ops-dm", new Material(Map.of("token", "xoxb-s3cr3t"), List.of(), "d3", "Secret dm"));
    private final MaterialSource material = (type, name) -> Optional.ofNullable(materials.get(type + "/" + name));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Both instances start with IBM's built-ins; only the primary's timer runs. */
    @BeforeEach
    void instances() {
        primary = RecordingEnClient.onNewInstance(SIM.simulator(), "us-south");
        standby = RecordingEnClient.onNewInstance(SIM.simulator(), "eu-de");
        ObjectNode timer = primary.byName(EnKind.SOURCE, "Periodic Timer");
        primary.edit(EnKind.SOURCE, timer.get("id").asText(), "{'enabled':true}");
        ObjectNode orders = primary.add(EnKind.SOURCE, "{'name':'orders','description':'','enabled':true}");
        ObjectNode hook = primary.add(
                EnKind.DESTINATION,
                "{'name':'ops-hook','type':'webhook','description':'',"
                        + "'collect_failed_events':false,'config':{'params':{'url':'https://ops.example.com','verb':'post',"
                        + "'custom_headers':{'Authorization':'Bearer s3cr3t'},'sensitive_headers':['Authorization']}}}");
        ObjectNode mail = primary.byName(EnKind.DESTINATION, "IBM Cloud Email Service");
        ObjectNode note = primary.add(
                EnKind.TEMPLATE,
                "{'name':'ops-note','type':'webhook.notification','description':'',"
                        + "'params':{'body':'eyJ0ZXh0Ijoie3tkYXRhfX0ifQ=='}}");
        ObjectNode topic = primary.add(
                EnKind.TOPIC,
                "{'name':'alerts','description':'','sources':["
                        + "{'id':'" + orders.get("id").asText() + "','rules':[{'enabled':true,"
                        + "'event_type_filter':'$.*'}]},"
                        + "{'id':'" + timer.get("id").asText() + "','rules':[{'enabled':true,"
                        + "'event_schedule_filter':{'expression':'0 * * * *'}}]}]}");
        primary.add(
                EnKind.SUBSCRIPTION,
                "{'name':'ops-webhook','description':'','topic_id':'"
                        + topic.get("id").asText()
                        + "','destination_id':'" + hook.get("id").asText() + "',"
                        + "'attributes':{'signing_enabled':true,'template_id_notification':'"
                        + note.get("id").asText() + "'}}");
        primary.add(
                EnKind.SUBSCRIPTION,
                "{'name':'ops-mail','description':'','topic_id':'"
                        + topic.get("id").asText()
                        + "','destination_id':'" + mail.get("id").asText() + "',"
                        + "'attributes':{'add_notification_payload':false,'invited':['new@example.com','ann@example.com']}}");
    }

    private SyncOutcome.Target sync(SyncPolicy policy) {
        SyncOutcome outcome = engine.sync(new SyncRequest(
                new EnEntityStore(primary),
                List.of(new SyncTarget("eu-de", new EnEntityStore(standby), watermarks, Overrides.NONE)),
                EnEntityTypes.all(),
                policy,
                material));
        assertThat(outcome.source().complete()).isTrue();
        return outcome.targets().get(0);
    }

    @Test
    void copiesEverythingWithRemappedIdsAndThenStaysQuietEvenOnAFullCompare() {
        SyncOutcome.Target first = sync(MIRROR);

        assertThat(first.issues()).isEmpty();
        assertThat(first.counts().created()).isEqualTo(6);
        assertThat(first.counts().updated()).as("timer enabled").isEqualTo(1);
        ObjectNode topic = standby.byName(EnKind.TOPIC, "alerts");
        ObjectNode webhookSub = standby.byName(EnKind.SUBSCRIPTION, "ops-webhook");
        assertThat(webhookSub.get("topic_id").asText())
                .isEqualTo(topic.get("id").asText());
        assertThat(webhookSub.get("destination_id"))
                .isEqualTo(standby.byName(EnKind.DESTINATION, "ops-hook").get("id"));
        assertThat(webhookSub.at("/attributes/template_id_notification"))
                .isEqualTo(standby.byName(EnKind.TEMPLATE, "ops-note").get("id"));
        assertThat(topic.at("/sources/1/id"))
                .isEqualTo(standby.byName(EnKind.SOURCE, "Periodic Timer").get("id"));
        assertThat(standby.byName(EnKind.SUBSCRIPTION, "ops-mail").get("destination_id"))
                .isEqualTo(standby.byName(EnKind.DESTINATION, "IBM Cloud Email Service")
                        .get("id"));
        standby.clearWrites();

        SyncOutcome.Target quiet = sync(MIRROR);
        SyncOutcome.Target full = sync(MIRROR_FULL);

        assertThat(standby.writes()).isEmpty();
        // the 7 copied and updated, IBM's 4 built-ins besides the timer: KMS, email, SMS, lifecycle events
        assertThat(quiet.counts().unchanged()).isEqualTo(11);
        assertThat(full.counts().unchanged()).isEqualTo(11);
        assertThat(full.issues()).isEmpty();
    }

    /** Issue 9: the update used to leave the standby's channels wrong, so every full compare wrote again. */
    @Test
    void slackDirectMessageChannelsReachTheStandbyAsOperationsAndAFullCompareThenWritesNothing() {
        ObjectNode dm = primary.add(
                EnKind.DESTINATION,
                "{'name':'ops-dm','type':'slack','description':'','collect_failed_events':false,"
                        + "'config':{'params':{'type':'direct_message','token':'xoxb-s3cr3t'}}}");
        String subscription = primary.add(
                        EnKind.SUBSCRIPTION,
                        "{'name':'ops-dm','description':'','topic_id':'"
                                + primary.byName(EnKind.TOPIC, "alerts")
                                        .get("id")
                                        .asText()
                                + "','destination_id':'" + dm.get("id").asText() + "',"
                                + "'attributes':{'channels':[{'id':'C1'},{'id':'C2'}]}}")
                .get("id")
                .asText();
        sync(MIRROR);
        primary.edit(
                EnKind.SUBSCRIPTION,
                subscription,
                "{'description':'moved','attributes':{'channels':[{'id':'C3','operation':'add'},"
                        + "{'id':'C1','operation':'remove'}]}}");
        standby.clearWrites();

        sync(MIRROR);

        assertThat(standby.writes())
                .singleElement()
                .satisfies(call -> assertThat(call.body().at("/attributes"))
                        .isEqualTo(Json.of(
                                "{'channels':[{'id':'C3','operation':'add'},{'id':'C1','operation':'remove'}]}")));
        assertThat(standby.byName(EnKind.SUBSCRIPTION, "ops-dm").at("/attributes/channels"))
                .isEqualTo(Json.of("{'c':[{'id':'C2'},{'id':'C3'}]}").get("c"));

        primary.edit(EnKind.SUBSCRIPTION, subscription, "{'description':'only the description'}");
        standby.clearWrites();
        sync(MIRROR);

        assertThat(standby.writes())
                .singleElement()
                .satisfies(call -> assertThat(call.body().at("/attributes"))
                        .as("no channel to add or remove: channels left out")
                        .isEqualTo(Json.of("{}")));
        standby.clearWrites();
        SyncOutcome.Target full = sync(MIRROR_FULL);

        assertThat(standby.writes()).isEmpty();
        assertThat(full.issues()).isEmpty();
        assertThat(standby.byName(EnKind.SUBSCRIPTION, "ops-dm").at("/attributes/channels"))
                .isEqualTo(Json.of("{'c':[{'id':'C2'},{'id':'C3'}]}").get("c"));
    }

    @Test
    void recipientChangesOnThePrimaryReachTheStandbyAsAddAndRemove() {
        sync(MIRROR);
        primary.edit(
                EnKind.SUBSCRIPTION,
                primary.byName(EnKind.SUBSCRIPTION, "ops-mail").get("id").asText(),
                "{'attributes':{'invited':{'add':['zoe@example.com'],'remove':['ann@example.com','new@example.com']}}}");
        standby.clearWrites();

        sync(MIRROR);

        assertThat(standby.writes()).singleElement().satisfies(call -> {
            assertThat(call.body().at("/attributes/invited"))
                    .isEqualTo(
                            Json.of("{'add':['zoe@example.com']," + "'remove':['ann@example.com','new@example.com']}"));
        });
        assertThat(EnSubscriptionAttributes.addresses(
                        standby.byName(EnKind.SUBSCRIPTION, "ops-mail").at("/attributes/invited")))
                .containsExactly("zoe@example.com");
    }
}
