package dev.regionguard.eventnotifications;

import static dev.regionguard.sync.Json.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnEntityStoreTest {
    private final EnFakeClient client = new EnFakeClient("eu-de");
    private final EnEntityStore store = new EnEntityStore(client);
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

    private static Desired desired(String key, ObjectNode body, List<FilePart> files) {
        return new Desired(key, body, body, files, null);
    }

    @Test
    void describesTheInstanceAndListsAndReadsByKind() {
        ObjectNode topic = client.add(EnKind.TOPIC, "{'name':'alerts','sources':[]}");

        assertThat(store.describe()).isEqualTo("eu-de/instance-eu-de");
        assertThat(store.list(types.get("topic")))
                .extracting(t -> t.get("name").asText())
                .containsExactly("alerts");
        assertThat(store.read(types.get("topic"), of("{'id':'" + topic.get("id").asText() + "'}"))
                        .get("sources"))
                .isNotNull();
    }

    @Test
    void destinationCreateCarriesTypeAndFilesButItsUpdateNoType() {
        ObjectNode body = of("{'name':'apns','type':'push_ios','config':{'params':{'cert_type':'p8'}}}");

        ObjectNode created =
                store.create(types.get("destination"), desired("push_ios/apns", body, List.of(certificate)));
        store.update(types.get("destination"), created, desired("push_ios/apns", body, List.of(certificate)));

        EnFakeClient.Call create = client.writes().get(0);
        EnFakeClient.Call update = client.writes().get(1);
        assertThat(create.body().get("type").asText()).isEqualTo("push_ios");
        assertThat(create.files()).containsExactly(certificate);
        assertThat(update.id()).isEqualTo(created.get("id").asText());
        assertThat(update.body().has("type")).isFalse();
        assertThat(update.body().get("name").asText()).isEqualTo("apns");
        assertThat(update.files()).containsExactly(certificate);
        assertThat(body.has("type")).as("desired body untouched").isTrue();
    }

    @Test
    void filesGoOnlyToMultipartKinds() {
        ObjectNode body = of("{'name':'alerts','sources':[]}");

        store.create(types.get("topic"), desired("alerts", body, List.of(certificate)));

        assertThat(client.writes().get(0).files()).isEmpty();
    }

    @Test
    void subscriptionUpdateLeavesOutImmutableIdsAndSendsRecipientChanges() {
        ObjectNode current = client.add(
                EnKind.SUBSCRIPTION,
                "{'name':'ops-mail','topic_id':'t','destination_id':'d',"
                        + "'attributes':{'reply_to_mail':'a@example.com','invited':[{'email':'keep@example.com'},"
                        + "{'email':'drop@example.com'}],'subscribed':[{'email':'sub@example.com'},{'email':'old@example.com'}],"
                        + "'unsubscribed':[{'email':'left@example.com'}]}}");
        ObjectNode body = of(
                "{'name':'ops-mail','topic_id':'t','destination_id':'d','attributes':{"
                        + "'reply_to_mail':'b@example.com','invited':['keep@example.com','new@example.com','sub@example.com']}}");

        store.update(types.get("subscription"), current, desired("ops-mail", body, List.of()));

        assertThat(client.writes().get(0).body())
                .isEqualTo(of("{'name':'ops-mail','attributes':{"
                        + "'reply_to_mail':'b@example.com','invited':{'add':['new@example.com'],'remove':['drop@example.com']},"
                        + "'subscribed':{'remove':['old@example.com']}}}"));
    }

    @Test
    void subscriptionCreateSendsPlainRecipients() {
        ObjectNode body = of(
                "{'name':'ops-mail','topic_id':'t','destination_id':'d','attributes':{'invited':['a@example.com']}}");

        store.create(types.get("subscription"), desired("ops-mail", body, List.of()));

        assertThat(client.writes().get(0).body()).isEqualTo(body);
    }

    @Test
    void slackChannelsAreUpdatedAsOperations() {
        ObjectNode current = client.add(
                EnKind.SUBSCRIPTION,
                "{'name':'dm','topic_id':'t','destination_id':'d',"
                        + "'attributes':{'channels':[{'id':'C1'},{'id':'C2'}]}}");
        ObjectNode body = of(
                "{'name':'dm','topic_id':'t','destination_id':'d','attributes':{'channels':[{'id':'C2'},{'id':'C3'}]}}");

        store.update(types.get("subscription"), current, desired("dm", body, List.of()));

        assertThat(client.writes().get(0).body().at("/attributes/channels"))
                .isEqualTo(of("{'a':[{'id':'C3','operation':'add'},{'id':'C1','operation':'remove'}]}")
                        .get("a"));
    }

    @Test
    void smtpConfigUpdateLeavesOutTheDomainAndPutKindsSendEverything() {
        ObjectNode config = client.add(EnKind.SMTP_CONFIG, "{'name':'mail','domain':'example.com'}");
        ObjectNode topic = client.add(EnKind.TOPIC, "{'name':'alerts','sources':[]}");

        store.update(
                types.get("smtp_config"),
                config,
                desired("mail", of("{'name':'mail','description':'new','domain':'example.com'}"), List.of()));
        store.update(
                types.get("topic"),
                topic,
                desired(
                        "alerts",
                        of("{'name':'alerts','description':'d','sources':[{'id':'s','rules':[]}]}"),
                        List.of()));

        assertThat(client.writes().get(0).body()).isEqualTo(of("{'name':'mail','description':'new'}"));
        assertThat(client.writes().get(1).body())
                .isEqualTo(of("{'name':'alerts','description':'d','sources':[{'id':'s','rules':[]}]}"));
    }

    @Test
    void integrationsAreNeverDeleted() {
        ObjectNode cos = client.add(EnKind.INTEGRATION, "{'type':'collect_failed_events','metadata':{}}");

        assertThatThrownBy(() -> store.delete(types.get("integration"), cos))
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
