package dev.regionguard.eventnotifications;

import static dev.regionguard.sync.Json.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Translation;
import dev.regionguard.testing.MapSyncContext;
import org.junit.jupiter.api.Test;

class EnIntegrationAndSmtpConfigTypeTest {
    private final MapSyncContext context = new MapSyncContext();

    @Test
    void kmsIntegrationIsABuiltInKeyedByTypeWithMetadataCopiedAsIs() {
        EntityType type = new EnIntegrationType();
        ObjectNode kms = of("{'id':'9fab','type':'kms','metadata':{'endpoint':'https://us-south.kms.cloud.ibm.com',"
                + "'crn':'crn:kms','root_key_id':'rk'},'created_at':'x','updated_at':'y'}");

        Desired desired = ((Translation.Write) type.translate(kms, context)).desired();

        assertThat(type.key(kms)).isEqualTo("kms");
        assertThat(type.builtIn(kms)).isTrue();
        assertThat(type.deletable(kms)).isFalse();
        assertThat(desired.body())
                .isEqualTo(of("{'type':'kms','metadata':{'endpoint':'https://us-south.kms.cloud.ibm.com',"
                        + "'crn':'crn:kms','root_key_id':'rk'}}"));
    }

    @Test
    void collectFailedEventsIsCreatedButNeverDeleted() {
        EntityType type = new EnIntegrationType();
        ObjectNode cos = of(
                "{'id':'i2','type':'collect_failed_events','metadata':{'endpoint':'e','crn':'c','bucket_name':'b'}}");

        assertThat(type.builtIn(cos)).isFalse();
        assertThat(type.deletable(cos)).isFalse();
        // A default KMS integration with nothing set compares equal to one whose fields are empty.
        ObjectNode unset = of("{'id':'a','type':'kms','metadata':{'endpoint':'','crn':'','root_key_id':''}}");
        ObjectNode absent = of("{'id':'b','type':'kms','metadata':{}}");
        assertThat(type.comparable(unset, context)).isEqualTo(type.comparable(absent, context));
    }

    @Test
    void smtpConfigDropsItsVerificationStateAndReplacesOnDomainChange() {
        EntityType type = new EnSmtpConfigType();
        ObjectNode primary = of("{'id':'c1','name':'mail','description':'d','domain':'example.com','updated_at':'x',"
                + "'config':{'dkim':{'txt_name':'n','txt_value':'v','verification':'VERIFIED'}}}");
        ObjectNode standby = of("{'id':'c2','name':'mail','description':'d','domain':'example.com',"
                + "'config':{'dkim':{'verification':'PENDING'}}}");

        Desired desired = ((Translation.Write) type.translate(primary, context)).desired();

        assertThat(desired.body()).isEqualTo(of("{'name':'mail','description':'d','domain':'example.com'}"));
        assertThat(type.comparable(standby, context)).isEqualTo(desired.comparable());
        assertThat(type.needsReplace(desired, type.comparable(standby.put("domain", "other.com"), context)))
                .isTrue();
        assertThat(type.needsReplace(
                        desired,
                        type.comparable(standby.put("domain", "example.com").put("description", "x"), context)))
                .isFalse();
    }
}
