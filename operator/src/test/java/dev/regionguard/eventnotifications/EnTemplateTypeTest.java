package dev.regionguard.eventnotifications;

import static dev.regionguard.sync.Json.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Translation;
import dev.regionguard.testing.MapSyncContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnTemplateTypeTest {
    private final EntityType type = new EnTemplateType();

    private static ObjectNode template(String name, String templateType) {
        return of("{'id':'t1','name':'" + name + "','type':'" + templateType + "','description':'d',"
                + "'subscription_count':2,'subscription_names':['a','b'],'updated_at':'2026-01-01T00:00:00Z'}");
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Test
    void bodyComesFromMaterialAsBase64WithTheSubjectOfEmailTemplates() {
        MapSyncContext context = new MapSyncContext()
                .material("template", "welcome", Map.of("body", "<p>Hello {{name}} ü</p>", "subject", "Welcome"));

        Translation t = type.translate(template("welcome", "smtp_custom.invitation"), context);

        Desired desired = ((Translation.Write) t).desired();
        assertThat(desired.key()).isEqualTo("smtp_custom.invitation/welcome");
        assertThat(decode(desired.body().at("/params/body").asText())).isEqualTo("<p>Hello {{name}} ü</p>");
        assertThat(desired.body().at("/params/subject").asText()).isEqualTo("Welcome");
        assertThat(desired.comparable())
                .isEqualTo(of("{'name':'welcome','type':'smtp_custom.invitation','description':'d'}"));
        assertThat(desired.materialDigest()).isNotNull();
    }

    @Test
    void nonEmailTemplatesGetNoSubject() {
        MapSyncContext context = new MapSyncContext()
                .material("template", "alert", Map.of("body", "{\"text\":\"alert\"}", "subject", "ignored"));

        Desired desired =
                ((Translation.Write) type.translate(template("alert", "slack.notification"), context)).desired();

        assertThat(desired.body().get("params").has("subject")).isFalse();
    }

    @Test
    void aStandbyTemplateComparesEqualAlthoughItsGetHasNoParams() {
        MapSyncContext context = new MapSyncContext().material("template", "alert", Map.of("body", "x"));
        Desired desired =
                ((Translation.Write) type.translate(template("alert", "webhook.notification"), context)).desired();

        ObjectNode standby = of("{'id':'other','name':'alert','type':'webhook.notification','description':'d',"
                + "'subscription_count':0,'updated_at':'2026-05-05T00:00:00Z'}");

        assertThat(type.comparable(standby, context)).isEqualTo(desired.comparable());
        assertThat(type.listItemComplete()).isTrue();
    }

    @Test
    void withoutMaterialTheTemplateIsSkipped() {
        Translation t = type.translate(template("alert", "webhook.notification"), new MapSyncContext());

        assertThat(t)
                .isEqualTo(
                        new Translation.Skip(
                                "MissingTemplateBody",
                                "template 'alert' (webhook.notification) needs its body from a ConfigMap or Secret: IBM never returns it"));
    }
}
