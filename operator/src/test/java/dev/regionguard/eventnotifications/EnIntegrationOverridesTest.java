package dev.regionguard.eventnotifications;

import static dev.regionguard.sync.Json.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.EnIntegrationOverride;
import dev.regionguard.api.EnRegionalOverrides;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Translation;
import dev.regionguard.testing.MapSyncContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A standby's integrations name its own region's Key Protect, HPCS and COS once overrides say which. */
class EnIntegrationOverridesTest {
    private static final String KP_EU = "crn:v1:bluemix:public:kms:eu-de:a/acct:11111111-2222-3333-4444-555555555555::";
    private static final String HPCS_EU =
            "crn:v1:bluemix:public:hs-crypto:eu-de:a/acct:66666666-2222-3333-4444-555555555555::";
    private static final String COS = "crn:v1:bluemix:public:cloud-object-storage:global:a/acct:77777777-1111::";

    private final EntityType type = new EnIntegrationType();

    private static EnIntegrationOverride override(String type, String crn) {
        return new EnIntegrationOverride(type, crn);
    }

    private ObjectNode translated(ObjectNode source, EnIntegrationOverride... overrides) {
        EnRegionalOverrides declared = new EnRegionalOverrides();
        declared.integrations = List.of(overrides);
        MapSyncContext context = new MapSyncContext()
                .overrides(EnOverrides.of("eu-de", "us-south", Map.of("eu-de", declared), List.of()));
        Desired desired = ((Translation.Write) type.translate(source, context)).desired();
        return desired.body();
    }

    @Test
    void keyProtectBecomesTheStandbyRegionsInstanceAndKey() {
        EnIntegrationOverride kp = override("kms", KP_EU);
        kp.rootKeyId = "eu-root-key";
        ObjectNode source = of("{'id':'1','type':'kms','metadata':{'endpoint':'https://us-south.kms.cloud.ibm.com',"
                + "'crn':'crn:v1:bluemix:public:kms:us-south:a/acct:x::','root_key_id':'us-root-key'}}");

        assertThat(translated(source, kp))
                .isEqualTo(of("{'type':'kms','metadata':{'endpoint':'https://eu-de.kms.cloud.ibm.com'," + "'crn':'"
                        + KP_EU + "','root_key_id':'eu-root-key'}}"));
    }

    @Test
    void hsCryptoIsTheSameBuiltInSlotAsKmsAndGetsTheRegionalHpcsEndpointWithItsPort() {
        EnIntegrationOverride hpcs = override("hs-crypto", HPCS_EU);
        hpcs.rootKeyId = "hpcs-key";
        hpcs.port = 9730;
        ObjectNode primary = of("{'id':'1','type':'hs-crypto','metadata':{"
                + "'endpoint':'https://api.us-south.hs-crypto.cloud.ibm.com:8871','crn':'c','root_key_id':'k'}}");
        ObjectNode standbyDefault = of("{'id':'2','type':'kms','metadata':{}}");

        // IBM switches the one key integration between kms and hs-crypto: both sides are one key.
        assertThat(type.key(primary)).isEqualTo(type.key(standbyDefault)).isEqualTo("kms");
        assertThat(type.builtIn(primary)).isTrue();
        assertThat(translated(primary, hpcs).path("type").asText()).isEqualTo("hs-crypto");
        assertThat(translated(primary, hpcs).path("metadata"))
                .isEqualTo(of("{'endpoint':'https://api.eu-de.hs-crypto.cloud.ibm.com:9730','crn':'" + HPCS_EU
                        + "','root_key_id':'hpcs-key'}"));
    }

    @Test
    void collectFailedEventsWritesToTheStandbyRegionsBucket() {
        EnIntegrationOverride cos = override("collect_failed_events", COS);
        cos.bucketName = "failed-events-eu";
        ObjectNode source = of("{'id':'3','type':'collect_failed_events','metadata':{"
                + "'endpoint':'https://s3.us-south.cloud-object-storage.appdomain.cloud','crn':'" + COS
                + "','bucket_name':'failed-events-us'}}");

        assertThat(translated(source, cos).path("metadata"))
                .isEqualTo(of("{'endpoint':'https://s3.eu-de.cloud-object-storage.appdomain.cloud','crn':'" + COS
                        + "','bucket_name':'failed-events-eu'}"));
    }

    @Test
    void anOverrideOfAnotherTypeLeavesTheIntegrationAsItIs() {
        ObjectNode source = of(
                "{'id':'3','type':'collect_failed_events','metadata':{"
                        + "'endpoint':'https://s3.us-south.cloud-object-storage.appdomain.cloud','crn':'c','bucket_name':'b'}}");

        assertThat(translated(source, override("kms", KP_EU)).path("metadata")).isEqualTo(source.path("metadata"));
    }

    @Test
    void thePrimarysRegionKeepsItsOwnKeyWhenTheCopyComesBackFromTheStandby() {
        EnIntegrationOverride kp = override("kms", KP_EU);
        EnRegionalOverrides declared = new EnRegionalOverrides();
        declared.integrations = List.of(kp);
        MapSyncContext home = new MapSyncContext()
                .overrides(EnOverrides.of("us-south", "us-south", Map.of("eu-de", declared), List.of()));
        ObjectNode activeStandby = of("{'id':'1','type':'kms','metadata':{'endpoint':'https://eu-de.kms.cloud.ibm.com',"
                + "'crn':'" + KP_EU + "','root_key_id':'eu-root-key'}}");
        ObjectNode primarysOwn =
                of("{'id':'9','type':'kms','metadata':{'endpoint':'https://us-south.kms.cloud.ibm.com',"
                        + "'crn':'crn:v1:bluemix:public:kms:us-south:a/acct:x::','root_key_id':'us-root-key'}}");

        Desired desired = ((Translation.Write) type.translate(activeStandby, home)).desired();

        assertThat(desired.body().has("metadata")).isFalse();
        assertThat(desired.comparable())
                .as("nothing to write: the primary's key integration is its own")
                .isEqualTo(type.comparable(primarysOwn, home));
    }
}
