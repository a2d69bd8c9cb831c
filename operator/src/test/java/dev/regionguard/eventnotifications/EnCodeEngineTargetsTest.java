package dev.regionguard.eventnotifications;

import static dev.regionguard.sync.Json.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CodeEngineTargetOverride;
import dev.regionguard.api.EnRegionalOverrides;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.RegionalName;
import dev.regionguard.sync.Translation;
import dev.regionguard.testing.MapSyncContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An ibmce destination on a standby targets the Code Engine project of the standby's region. */
class EnCodeEngineTargetsTest {
    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    private static final String US_PROJECT = "11111111-1111-4111-8111-111111111111";
    private static final String DE_PROJECT = "22222222-2222-4222-8222-222222222222";
    private static final String US_CRN =
            "crn:v1:bluemix:public:codeengine:us-south:a/" + ACCOUNT + ":" + US_PROJECT + "::";
    private static final String DE_CRN =
            "crn:v1:bluemix:public:codeengine:eu-de:a/" + ACCOUNT + ":" + DE_PROJECT + "::";

    private final EntityType type = new EnDestinationType();

    private ObjectNode params(ObjectNode source, Overrides overrides) {
        Translation translation = type.translate(source, new MapSyncContext().overrides(overrides));
        return (ObjectNode) ((Translation.Write) translation)
                .desired()
                .body()
                .path("config")
                .path("params");
    }

    private static ObjectNode job(String crn) {
        return of("{'id':'d1','name':'jobs','type':'ibmce','config':{'params':{'type':'job','project_crn':'" + crn
                + "','job_name':'nightly'}}}");
    }

    @Test
    void declaredProjectAndAppDomainReplaceThePrimarysInJobAndApplicationTargets() {
        EnRegionalOverrides declared = declaredProjectAndAppDomain();
        Overrides overrides = EnOverrides.of("eu-de", "us-south", Map.of("eu-de", declared), List.of());
        ObjectNode app = of("{'id':'d2','name':'app','type':'ibmce','config':{'params':{'type':'application',"
                + "'url':'https://handler.abc123.us-south.codeengine.appdomain.cloud/events?x=1','verb':'post'}}}");

        assertThat(params(job(US_CRN), overrides).path("project_crn").asText()).isEqualTo(DE_CRN);
        assertThat(params(app, overrides).path("url").asText())
                .isEqualTo("https://handler.def456.eu-de.codeengine.appdomain.cloud/events?x=1");
    }

    @Test
    void aProjectProtectedInTheNamespaceMapsToItsStandbyInTheSameRegionByItself() {
        Overrides overrides = EnOverrides.of("eu-de", "us-south", Map.of(), List.of(protectedProject()));

        assertThat(params(job(US_CRN), overrides).path("project_crn").asText()).isEqualTo(DE_CRN);
    }

    @Test
    void anUnprotectedUndeclaredProjectStaysAsItIs() {
        String other = US_CRN.replace(US_PROJECT, "33333333-3333-4333-8333-333333333333");
        Overrides overrides = EnOverrides.of("eu-de", "us-south", Map.of(), List.of(protectedProject()));

        assertThat(params(job(other), overrides).path("project_crn").asText()).isEqualTo(other);
    }

    @Test
    void afterAFailoverTheCopyBackToThePrimarysRegionTargetsThePrimarysProjectsAgain() {
        EnRegionalOverrides declared = declaredProjectAndAppDomain();
        Overrides home = EnOverrides.of("us-south", "us-south", Map.of("eu-de", declared), List.of());
        ObjectNode app = of("{'id':'d2','name':'app','type':'ibmce','config':{'params':{'type':'application',"
                + "'url':'https://handler.def456.eu-de.codeengine.appdomain.cloud/events','verb':'post'}}}");

        assertThat(params(job(DE_CRN), home).path("project_crn").asText()).isEqualTo(US_CRN);
        assertThat(params(app, home).path("url").asText())
                .isEqualTo("https://handler.abc123.us-south.codeengine.appdomain.cloud/events");
    }

    @Test
    void aProtectedProjectMapsBackToThePrimarysProjectInThePrimarysRegion() {
        Overrides home = EnOverrides.of("us-south", "us-south", Map.of(), List.of(protectedProject()));

        assertThat(params(job(DE_CRN), home).path("project_crn").asText()).isEqualTo(US_CRN);
    }

    /** The us-south project and its app domain, declared for the eu-de standby. */
    private static EnRegionalOverrides declaredProjectAndAppDomain() {
        CodeEngineTargetOverride o = new CodeEngineTargetOverride(US_CRN, DE_CRN);
        o.appDomain = "abc123.us-south.codeengine.appdomain.cloud";
        o.standbyAppDomain = "def456.eu-de.codeengine.appdomain.cloud";
        EnRegionalOverrides declared = new EnRegionalOverrides();
        declared.codeEngineProjects = List.of(o);
        return declared;
    }

    private static RegionalName protectedProject() {
        return new RegionalName(Map.of("us-south", US_PROJECT, "eu-de", DE_PROJECT));
    }
}
