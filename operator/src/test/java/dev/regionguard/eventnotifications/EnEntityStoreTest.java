package dev.regionguard.eventnotifications;

import static dev.regionguard.sync.Json.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the store hands to the client, on a simulated instance that answers every call. */
class EnEntityStoreTest {
    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("eu-de");

    private RecordingEnClient client;
    private EnEntityStore store;
    private final Map<String, EntityType> types = Map.of(
            "destination",
            new EnDestinationType(),
            "subscription",
            new EnSubscriptionType(),
            "smtp_config",
            new EnSmtpConfigType(),
            "topic",
            new EnTopicType(),
            "integration",
            new EnIntegrationType());
    private final FilePart certificate =
            new FilePart("certificate", "cert.p8", "application/octet-stream", new byte[] {7});

    @BeforeEach
    void instance() {
        client = RecordingEnClient.onNewInstance(SIM.simulator(), "eu-de");
        store = new EnEntityStore(client);
    }

    private static Desired desired(String key, ObjectNode body, List<FilePart> files) {
        return new Desired(key, body, body, files, null);
    }

    @Test
    void describesTheInstanceAndListsAndReadsByKind() {
        ObjectNode topic = client.add(EnKind.TOPIC, "{'name':'alerts','sources':[]}");

        assertThat(store.describe()).isEqualTo("eu-de/" + client.instanceId());
        assertThat(store.list(types.get("topic")))
                .extracting(t -> t.get("name").asText())
                .containsExactly("alerts");
        assertThat(store.read(types.get("topic"), of("{'id':'" + topic.get("id").asText() + "'}"))
                        .get("sources"))
                .isNotNull();
    }

    @Test
    void destinationCreateCarriesTypeAndFilesButItsUpdateNoType() {
        ObjectNode body =
                of("{'name':'apns','type':'push_ios','config':{'params':{'cert_type':'p8','is_sandbox':true}}}");

        ObjectNode created =
                store.create(types.get("destination"), desired("push_ios/apns", body, List.of(certificate)));
        store.update(types.get("destination"), created, desired("push_ios/apns", body, List.of(certificate)));

        RecordingEnClient.Call create = client.writes().get(0);
        RecordingEnClient.Call update = client.writes().get(1);
        assertThat(create.body().get("type").asText()).isEqualTo("push_ios");
        assertThat(create.files()).containsExactly(certificate);
        assertThat(update.id()).isEqualTo(created.get("id").asText());
        assertThat(update.body().has("type")).isFalse();
        assertThat(update.body().get("name").asText()).isEqualTo("apns");
        assertThat(update.files()).containsExactly(certificate);
        assertThat(body.has("type")).as("desired body untouched").isTrue();
        assertThat(SIM.simulator()
                        .eventNotificationsSnapshot("eu-de", client.instanceId())
                        .findValue("certificate")
                        .path("content_base64")
                        .asText())
                .as("the certificate reached the instance")
                .isEqualTo("Bw==");
    }

    @Test
    void filesGoOnlyToMultipartKinds() {
        ObjectNode body = of("{'name':'alerts','sources':[]}");

        store.create(types.get("topic"), desired("alerts", body, List.of(certificate)));

        assertThat(client.writes().get(0).files()).isEmpty();
    }

    @Test
    void subscriptionUpdateLeavesOutImmutableIdsAndSendsRecipientChanges() {
        String topic = client.add(EnKind.TOPIC, "{'name':'alerts','sources':[]}")
                .get("id")
                .asText();
        String mail = client.byName(EnKind.DESTINATION, "IBM Cloud Email Service")
                .get("id")
                .asText();
        ObjectNode current = client.add(
                EnKind.SUBSCRIPTION,
                "{'name':'ops-mail','topic_id':'" + topic + "','destination_id':'" + mail + "',"
                        + "'attributes':{'reply_to_mail':'a@example.com','invited':['keep@example.com','drop@example.com']}}");
        // The simulator has no confirmations: two recipients subscribed and one left, as IBM would show it.
        ObjectNode attributes = (ObjectNode) current.get("attributes");
        attributes.set(
                "subscribed",
                of("{'a':[{'email':'sub@example.com'},{'email':'old@example.com'}]}")
                        .get("a"));
        attributes.set(
                "unsubscribed", of("{'a':[{'email':'left@example.com'}]}").get("a"));
        ObjectNode body = of(
                "{'name':'ops-mail','topic_id':'" + topic + "','destination_id':'" + mail + "',"
                        + "'attributes':{'reply_to_mail':'b@example.com','invited':['keep@example.com','new@example.com','sub@example.com']}}");

        store.update(types.get("subscription"), current, desired("ops-mail", body, List.of()));

        assertThat(client.writes().get(0).body())
                .isEqualTo(of("{'name':'ops-mail','attributes':{"
                        + "'reply_to_mail':'b@example.com','invited':{'add':['new@example.com'],'remove':['drop@example.com']},"
                        + "'subscribed':{'remove':['old@example.com']}}}"));
        assertThat(EnSubscriptionAttributes.addresses(
                        client.byName(EnKind.SUBSCRIPTION, "ops-mail").at("/attributes/invited")))
                .containsExactlyInAnyOrder("keep@example.com", "new@example.com");
    }

    @Test
    void subscriptionCreateSendsPlainRecipients() {
        String topic = client.add(EnKind.TOPIC, "{'name':'alerts','sources':[]}")
                .get("id")
                .asText();
        String mail = client.byName(EnKind.DESTINATION, "IBM Cloud Email Service")
                .get("id")
                .asText();
        ObjectNode body = of("{'name':'ops-mail','topic_id':'" + topic + "','destination_id':'" + mail + "',"
                + "'attributes':{'invited':['a@example.com']}}");

        store.create(types.get("subscription"), desired("ops-mail", body, List.of()));

        assertThat(client.writes().get(0).body()).isEqualTo(body);
    }

    @Test
    void slackChannelsAreUpdatedAsOperations() {
        String topic = client.add(EnKind.TOPIC, "{'name':'alerts','sources':[]}")
                .get("id")
                .asText();
        String slack = client.add(
                        EnKind.DESTINATION,
                        "{'name':'team','type':'slack','config':{'params':{'type':'direct_message','token':'xoxb-1'}}}")
                .get("id")
                .asText();
        ObjectNode current = client.add(
                EnKind.SUBSCRIPTION,
                "{'name':'dm','topic_id':'" + topic + "','destination_id':'" + slack + "',"
                        + "'attributes':{'channels':[{'id':'C1'},{'id':'C2'}]}}");
        ObjectNode body = of("{'name':'dm','topic_id':'" + topic + "','destination_id':'" + slack + "',"
                + "'attributes':{'channels':[{'id':'C2'},{'id':'C3'}]}}");

        store.update(types.get("subscription"), current, desired("dm", body, List.of()));

        assertThat(client.writes().get(0).body().at("/attributes/channels"))
                .isEqualTo(of("{'a':[{'id':'C3','operation':'add'},{'id':'C1','operation':'remove'}]}")
                        .get("a"));
    }

    @Test
    void smtpConfigUpdateLeavesOutTheDomainAndPutKindsSendEverything() {
        ObjectNode config = client.add(EnKind.SMTP_CONFIG, "{'name':'mail','domain':'example.com'}");
        ObjectNode topic = client.add(EnKind.TOPIC, "{'name':'alerts','sources':[]}");
        String source = client.add(EnKind.SOURCE, "{'name':'orders','description':'','enabled':true}")
                .get("id")
                .asText();

        store.update(
                types.get("smtp_config"),
                config,
                desired("mail", of("{'name':'mail','description':'new','domain':'example.com'}"), List.of()));
        store.update(
                types.get("topic"),
                topic,
                desired(
                        "alerts",
                        of("{'name':'alerts','description':'d','sources':[{'id':'" + source
                                + "','rules':[{'enabled':true,'event_type_filter':'$.*'}]}]}"),
                        List.of()));

        assertThat(client.writes().get(0).body()).isEqualTo(of("{'name':'mail','description':'new'}"));
        assertThat(client.writes().get(1).body())
                .isEqualTo(of("{'name':'alerts','description':'d','sources':[{'id':'" + source
                        + "','rules':[{'enabled':true,'event_type_filter':'$.*'}]}]}"));
    }

    @Test
    void integrationsAreNeverDeleted() {
        ObjectNode kms = client.list(EnKind.INTEGRATION).get(0);

        assertThatThrownBy(() -> store.delete(types.get("integration"), kms))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(client.writes()).isEmpty();
    }

    @Test
    void deleteUsesTheCurrentId() {
        ObjectNode topic = client.add(EnKind.TOPIC, "{'name':'alerts','sources':[]}");

        store.delete(types.get("topic"), topic);

        assertThat(client.writes()).singleElement().satisfies(c -> {
            assertThat(c.method()).isEqualTo("delete");
            assertThat(c.id()).isEqualTo(topic.get("id").asText());
        });
        assertThat(store.list(types.get("topic"))).isEmpty();
    }
}
