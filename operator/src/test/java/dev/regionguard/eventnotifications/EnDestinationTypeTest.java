package dev.regionguard.eventnotifications;

import static dev.regionguard.sync.Json.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Material;
import dev.regionguard.sync.Translation;
import dev.regionguard.testing.MapSyncContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnDestinationTypeTest {
    private final EntityType type = new EnDestinationType();

    private static ObjectNode webhook(String id, String authorization) {
        return of("{'id':'" + id + "','name':'ops-hook','type':'webhook','description':'to ops',"
                + "'collect_failed_events':false,'updated_at':'2026-01-01T00:00:00Z','subscription_count':1,"
                + "'subscription_names':['s1'],'config':{'params':{'url':'https://ops.example.com/hook','verb':'post',"
                + "'custom_headers':{'Authorization':'" + authorization + "','X-Env':'prod'},"
                + "'sensitive_headers':['Authorization']}}}");
    }

    private static Translation.Skip skip(Translation t) {
        assertThat(t).isInstanceOf(Translation.Skip.class);
        return (Translation.Skip) t;
    }

    private static Desired write(Translation t) {
        assertThat(t).isInstanceOf(Translation.Write.class);
        return ((Translation.Write) t).desired();
    }

    @Test
    void keyIsTypeAndNameAndListItemsAreIncomplete() {
        assertThat(type.key(webhook("d1", "x"))).isEqualTo("webhook/ops-hook");
        assertThat(type.listItemComplete()).isFalse();
    }

    @Test
    void sensitiveHeaderValueComesFromMaterialAndIsNotCompared() {
        MapSyncContext context = new MapSyncContext()
                .material("destination", "ops-hook", Map.of("header.Authorization", "Bearer s3cr3t"));

        Desired desired = write(type.translate(webhook("d1", "value-from-get"), context));

        assertThat(desired.body())
                .isEqualTo(of("{'name':'ops-hook','type':'webhook','description':'to ops',"
                        + "'collect_failed_events':false,'config':{'params':{'url':'https://ops.example.com/hook',"
                        + "'verb':'post','custom_headers':{'X-Env':'prod','Authorization':'Bearer s3cr3t'},"
                        + "'sensitive_headers':['Authorization']}}}"));
        assertThat(desired.comparable().at("/config/params/custom_headers")).isEqualTo(of("{'X-Env':'prod'}"));
        assertThat(desired.comparable().toString()).doesNotContain("Bearer", "value-from-get");
        assertThat(desired.materialDigest()).isNotNull();
        ObjectNode standby = webhook("other-7", "********");
        assertThat(type.comparable(standby, context)).isEqualTo(desired.comparable());
    }

    @Test
    void missingHeaderValueSkipsWithoutShowingAnyValue() {
        Translation.Skip skip = skip(type.translate(webhook("d1", "value-from-get"), new MapSyncContext()));

        assertThat(skip.reason()).isEqualTo("MissingSecret");
        assertThat(skip.message())
                .isEqualTo("destination 'ops-hook' (webhook) needs header.Authorization from a Secret");
    }

    @Test
    void requiredSecretParamsComeOnlyFromMaterial() {
        ObjectNode pagerduty =
                of("{'id':'d2','name':'pd','type':'pagerduty','config':{'params':{'routing_key':'from-get'}}}");

        Translation.Skip skip = skip(type.translate(pagerduty, new MapSyncContext()));
        assertThat(skip.message())
                .isEqualTo("destination 'pd' (pagerduty) needs routing_key from a Secret")
                .doesNotContain("from-get");

        Desired desired = write(type.translate(
                pagerduty, new MapSyncContext().material("destination", "pd", Map.of("routing_key", "rk-123"))));
        assertThat(desired.body().at("/config/params/routing_key").asText()).isEqualTo("rk-123");
        assertThat(desired.comparable().at("/config/params").has("routing_key")).isFalse();
    }

    @Test
    void secretsAreRequiredEvenWhenTheGetOmitsThem() {
        ObjectNode servicenow = of("{'id':'d3','name':'snow','type':'servicenow','config':{'params':"
                + "{'client_id':'c','username':'u','instance_name':'i'}}}");

        Translation.Skip skip = skip(type.translate(
                servicenow, new MapSyncContext().material("destination", "snow", Map.of("password", ""))));

        assertThat(skip.message())
                .isEqualTo("destination 'snow' (servicenow) needs client_secret, password from a Secret");
    }

    @Test
    void conditionalSecretsFollowTheConfig() {
        ObjectNode incoming = of(
                "{'name':'sl','type':'slack','config':{'params':{'url':'https://hooks','type':'incoming_webhook'}}}");
        ObjectNode direct = of("{'name':'sl','type':'slack','config':{'params':{'type':'direct_message'}}}");

        Desired plain = write(type.translate(incoming, new MapSyncContext()));
        assertThat(plain.materialDigest()).isNull();
        assertThat(skip(type.translate(direct, new MapSyncContext())).message()).contains("needs token");
    }

    @Test
    void certificatesAreFilesFromMaterial() {
        ObjectNode ios = of("{'name':'apns','type':'push_ios','config':{'params':{'cert_type':'p8','is_sandbox':false,"
                + "'key_id':'k','team_id':'t','bundle_id':'b'}}}");
        FilePart certificate =
                new FilePart("certificate", "certificate", "application/octet-stream", new byte[] {1, 2});

        assertThat(skip(type.translate(ios, new MapSyncContext())).message()).contains("needs certificate");

        Desired desired = write(type.translate(
                ios,
                new MapSyncContext()
                        .material(
                                "destination",
                                "apns",
                                new Material(Map.of(), List.of(certificate), "d-cert", "Secret apns"))));
        assertThat(desired.files()).containsExactly(certificate);
        assertThat(desired.materialDigest()).isEqualTo("d-cert");
    }

    @Test
    void verificationStateOfCustomEmailIsNotCompared() {
        ObjectNode primary =
                of("{'id':'d4','name':'mail','type':'smtp_custom','config':{'params':{'domain':'example.com',"
                        + "'dkim':{'public_key':'pk','selector':'s1','verification':'VERIFIED'},"
                        + "'spf':{'txt_name':'n','txt_value':'v','verification':'VERIFIED'}}}}");
        ObjectNode standby =
                of("{'id':'d9','name':'mail','type':'smtp_custom','config':{'params':{'domain':'example.com',"
                        + "'dkim':{'public_key':'other','selector':'s2','verification':'PENDING'}}}}");
        MapSyncContext context = new MapSyncContext();

        Desired desired = write(type.translate(primary, context));

        assertThat(desired.body().at("/config/params")).isEqualTo(of("{'domain':'example.com'}"));
        assertThat(type.comparable(standby, context)).isEqualTo(desired.comparable());
    }

    @Test
    void aSandboxMatchesTheCustomDomainDestinationItBecomesAndOnlyGoingBackIsAReplace() {
        ObjectNode sandbox = of("{'id':'d7','name':'mail','type':'smtp_custom_sandbox','config':{'params':{}}}");
        ObjectNode custom =
                of("{'id':'d8','name':'mail','type':'smtp_custom','config':{'params':{'domain':'example.com'}}}");
        MapSyncContext context = new MapSyncContext();

        assertThat(type.key(sandbox)).isEqualTo("smtp_custom/mail").isEqualTo(type.key(custom));
        assertThat(type.needsReplace(write(type.translate(custom, context)), type.comparable(sandbox, context)))
                .as("upgraded in place")
                .isFalse();
        assertThat(EnDestinationType.upgrades(
                        sandbox, write(type.translate(custom, context)).body()))
                .isTrue();
        assertThat(type.needsReplace(write(type.translate(sandbox, context)), type.comparable(custom, context)))
                .as("IBM has no downgrade")
                .isTrue();
    }

    @Test
    void ibmEmailAndSmsAreBuiltInsKeyedByTypeAndCompareOnlyTheirDescription() {
        ObjectNode primary = of("{'id':'d5','name':'IBM Email','type':'smtp_ibm','description':'mail',"
                + "'config':{'params':{}},'subscription_count':3}");
        ObjectNode standby = of("{'id':'d6','name':'IBM email service','type':'smtp_ibm','description':'mail'}");
        MapSyncContext context = new MapSyncContext();

        Desired desired = write(type.translate(primary, context));

        assertThat(type.builtIn(primary)).isTrue();
        assertThat(type.key(primary)).isEqualTo("smtp_ibm").isEqualTo(type.key(standby));
        assertThat(desired.body()).isEqualTo(of("{'description':'mail'}"));
        assertThat(type.comparable(standby, context)).isEqualTo(desired.comparable());
        assertThat(type.builtIn(of("{'type':'sms_ibm'}"))).isTrue();
    }
}
