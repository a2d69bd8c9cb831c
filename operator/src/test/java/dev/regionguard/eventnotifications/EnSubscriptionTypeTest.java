package dev.regionguard.eventnotifications;

import static dev.regionguard.sync.Json.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Translation;
import dev.regionguard.testing.MapSyncContext;
import org.junit.jupiter.api.Test;

class EnSubscriptionTypeTest {
    private final EntityType type = new EnSubscriptionType();
    private final MapSyncContext context = new MapSyncContext()
            .id("topic", "p-topic", "s-topic")
            .id("destination", "p-dest", "s-dest")
            .id("template", "p-tmpl-n", "s-tmpl-n")
            .id("template", "p-tmpl-i", "s-tmpl-i");

    private static final ObjectNode PRIMARY_EMAIL = of("{'id':'sub-1','name':'ops-mail','description':'mail ops',"
            + "'updated_at':'2026-01-01','from':'bounce@en.ibm.com','destination_type':'smtp_custom',"
            + "'destination_id':'p-dest','destination_name':'mail','topic_id':'p-topic','topic_name':'alerts',"
            + "'attributes':{'template_id_notification':'p-tmpl-n','template_id_invitation':'p-tmpl-i',"
            + "'reply_to_mail':'ops@example.com','add_notification_payload':true,"
            + "'invited':[{'email':'new@example.com','updated_at':'x','expires_at':'y'}],"
            + "'subscribed':[{'email':'ann@example.com','updated_at':'x'},{'email':'bob@example.com','updated_at':'x'}],"
            + "'unsubscribed':[{'email':'gone@example.com','updated_at':'x'}]}}");

    private Desired translate(ObjectNode source) {
        Translation t = type.translate(source, context);
        assertThat(t).isInstanceOf(Translation.Write.class);
        return ((Translation.Write) t).desired();
    }

    @Test
    void idsAreRemappedAndRecipientsTakeTheCreateShape() {
        Desired desired = translate(PRIMARY_EMAIL);

        assertThat(desired.body())
                .isEqualTo(of("{'name':'ops-mail','description':'mail ops','destination_id':'s-dest',"
                        + "'topic_id':'s-topic','attributes':{'template_id_notification':'s-tmpl-n',"
                        + "'template_id_invitation':'s-tmpl-i','reply_to_mail':'ops@example.com','add_notification_payload':true,"
                        + "'invited':['ann@example.com','bob@example.com','new@example.com']}}"));
    }

    @Test
    void freshlyInvitedStandbyComparesEqualToSubscribedPrimary() {
        ObjectNode standby = of("{'id':'sub-9','name':'ops-mail','description':'mail ops','from':'x',"
                + "'destination_type':'smtp_custom','destination_id':'s-dest','topic_id':'s-topic',"
                + "'attributes':{'template_id_notification':'s-tmpl-n','template_id_invitation':'s-tmpl-i',"
                + "'reply_to_mail':'ops@example.com','add_notification_payload':true,"
                + "'invited':[{'email':'new@example.com'},{'email':'bob@example.com'},{'email':'ann@example.com'}],"
                + "'subscribed':[],'unsubscribed':[]}}");

        assertThat(type.comparable(standby, context))
                .isEqualTo(translate(PRIMARY_EMAIL).comparable());

        ((ObjectNode) standby.get("attributes")).putArray("invited").addObject().put("email", "ann@example.com");
        assertThat(type.comparable(standby, context))
                .isNotEqualTo(translate(PRIMARY_EMAIL).comparable());
    }

    @Test
    void smsRecipientsUsePhoneNumbers() {
        ObjectNode sms = of("{'name':'pager','destination_id':'p-dest','topic_id':'p-topic','attributes':{"
                + "'subscribed':[{'phone_number':'+15550002','updated_at':'x'}],"
                + "'invited':[{'phone_number':'+15550001','updated_at':'x','expires_at':'y'}]}}");

        assertThat(translate(sms).body().at("/attributes/invited"))
                .isEqualTo(of("{'a':['+15550001','+15550002']}").get("a"));
    }

    @Test
    void changedTopicOrDestinationNeedsAReplaceOtherChangesDoNot() {
        Desired desired = translate(PRIMARY_EMAIL);
        ObjectNode sameTargets = desired.comparable().deepCopy().put("description", "other");
        ObjectNode otherDestination = desired.comparable().deepCopy().put("destination_id", "s-other");
        ObjectNode otherTopic = desired.comparable().deepCopy().put("topic_id", "s-other");

        assertThat(type.needsReplace(desired, sameTargets)).isFalse();
        assertThat(type.needsReplace(desired, otherDestination)).isTrue();
        assertThat(type.needsReplace(desired, otherTopic)).isTrue();
    }

    @Test
    void unresolvedTemplateSkipsTheSubscription() {
        ObjectNode source = PRIMARY_EMAIL.deepCopy();
        ((ObjectNode) source.get("attributes")).put("template_id_notification", "p-unknown");

        Translation t = type.translate(source, context);

        assertThat(t).isInstanceOf(Translation.Skip.class);
        assertThat(((Translation.Skip) t).reason()).isEqualTo("MissingReference");
        assertThat(((Translation.Skip) t).message()).contains("template p-unknown");
    }

    @Test
    void dependsOnEverythingItReferences() {
        assertThat(type.dependsOn()).containsExactlyInAnyOrder("topic", "destination", "template");
        assertThat(type.listItemComplete()).isFalse();
        assertThat(type.key(PRIMARY_EMAIL)).isEqualTo("ops-mail");
    }
}
