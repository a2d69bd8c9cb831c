package dev.regionguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionReferenceScannerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A standby in eu-de of a protection whose primary is us-south and other standby eu-gb. */
    private final RegionReferenceScanner scanner =
            new RegionReferenceScanner("eu-de", Set.of("us-south", "eu-de", "eu-gb"));

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aKmsIntegrationCopiedFromThePrimaryNamesItsEndpointAndCrn() {
        List<RegionReference> found = scanner.scan(
                "integration",
                "kms",
                json("{'type':'kms','metadata':{'endpoint':'https://us-south.kms.cloud.ibm.com',"
                        + "'crn':'crn:v1:bluemix:public:kms:us-south:a/abc:1234::','root_key_id':'k1'}}"));

        assertThat(found)
                .containsExactly(
                        new RegionReference(
                                "integration", "kms", "metadata.endpoint", "us-south", "us-south.kms.cloud.ibm.com"),
                        new RegionReference(
                                "integration",
                                "kms",
                                "metadata.crn",
                                "us-south",
                                "crn:v1:bluemix:public:kms:us-south:a/abc:1234::"));
    }

    @Test
    void regionalHostsOfCosCodeEngineAndAnotherStandbyAreFound() {
        List<RegionReference> found = scanner.scan(
                "destination",
                "ibmce/handler",
                json("{'config':{'params':{'url':'https://handler.abc.eu-gb.codeengine.appdomain.cloud/x',"
                        + "'endpoint':'https://s3.us-south.cloud-object-storage.appdomain.cloud',"
                        + "'api':'https://api.us-south.codeengine.cloud.ibm.com/v2'}}}"));

        assertThat(found)
                .extracting(RegionReference::field, RegionReference::region, RegionReference::value)
                .containsExactly(
                        tuple("config.params.url", "eu-gb", "handler.abc.eu-gb.codeengine.appdomain.cloud"),
                        tuple("config.params.endpoint", "us-south", "s3.us-south.cloud-object-storage.appdomain.cloud"),
                        tuple("config.params.api", "us-south", "api.us-south.codeengine.cloud.ibm.com"));
    }

    @Test
    void anImageInThePrimaryRegionsRegistryIsFoundButNotTheStandbysOwnOrTheGlobalOne() {
        JsonNode app =
                json("{'image_reference':'us.icr.io/team/web:1.2.3','build':{'output_image':'private.uk.icr.io/t/b'},"
                        + "'other':'de.icr.io/team/web:1','sample':'icr.io/codeengine/helloworld'}");

        assertThat(scanner.scan("app", "web", app))
                .extracting(RegionReference::field, RegionReference::region, RegionReference::value)
                .containsExactly(
                        tuple("image_reference", "us-south", "us.icr.io"),
                        tuple("build.output_image", "eu-gb", "private.uk.icr.io"));
    }

    @Test
    void anotherRegionsAutomaticRegistrySecretIsFoundButNotTheStandbysOwn() {
        JsonNode app = json("{'image_secret':'ce-auto-icr-private-us-south','run_env_variables':"
                + "[{'type':'secret_full_reference','reference':'ce-auto-icr-private-eu-de'}]}");

        assertThat(scanner.scan("app", "web", app))
                .containsExactly(
                        new RegionReference("app", "web", "image_secret", "us-south", "ce-auto-icr-private-us-south"));
    }

    @Test
    void theStandbysOwnRegionAndRegionsOutsideTheProtectionAreNoFinding() {
        JsonNode own = json("{'crn':'crn:v1:bluemix:public:codeengine:eu-de:a/1:p::',"
                + "'endpoint':'https://web.x.eu-de.codeengine.appdomain.cloud','far':'https://jp-tok.kms.cloud.ibm.com',"
                + "'text':'us-south is our primary'}");

        assertThat(scanner.scan("app", "web", own)).isEmpty();
    }

    @Test
    void secretsAreNeverReadAndUserInfoAndQueriesNeverReported() {
        JsonNode destination = json("{'config':{'params':{'password':'https://us-south.kms.cloud.ibm.com',"
                + "'api_key':'us.icr.io','headers':[{'name':'X','value':'https://us-south.x.example','is_sensitive':true}],"
                + "'url':'https://user:s3cret.us-south.pw@hook.example.com/p?token=us-south.kms.cloud.ibm.com'}}}");

        assertThat(scanner.scan("destination", "webhook/w", destination)).isEmpty();
    }

    @Test
    void aCodeEngineSecretIsReadOnlyForItsRegistryServer() {
        JsonNode secret = json("{'format':'registry','data':{'server':'us.icr.io','username':'iamapikey',"
                + "'anything':'https://us-south.kms.cloud.ibm.com'}}");

        assertThat(scanner.scan("secret", "pull", secret))
                .containsExactly(new RegionReference("secret", "pull", "data.server", "us-south", "us.icr.io"));
    }

    @Test
    void aZoneCountsForItsRegionAndAFieldIsReportedOncePerValue() {
        JsonNode entity = json("{'zone':'crn:v1:bluemix:public:is:us-south-1:a/1::subnet:s',"
                + "'twice':'us-south.kms.cloud.ibm.com and again us-south.kms.cloud.ibm.com'}");

        assertThat(scanner.scan("x", "y", entity))
                .extracting(RegionReference::field)
                .containsExactly("zone", "twice");
    }

    @Test
    void acceptedReferencesMatchByGlobsOnKindNameAndField() {
        RegionReference kms = new RegionReference("integration", "kms", "metadata.endpoint", "us-south", "h");
        RegionReference image = new RegionReference("app", "web", "image_reference", "us-south", "us.icr.io");

        AcceptedReferences accepted = AcceptedReferences.of(List.of(
                new AcceptedReferences.Accepted("integration", null, "metadata.*"),
                new AcceptedReferences.Accepted("app", "api-*", null)));

        assertThat(accepted.accepts(kms)).isTrue();
        assertThat(accepted.accepts(image)).isFalse();
        assertThat(AcceptedReferences.of(List.of(new AcceptedReferences.Accepted("*", "w*b", "image_reference")))
                        .accepts(image))
                .isTrue();
        assertThat(AcceptedReferences.NONE.accepts(kms)).isFalse();
    }

    @Test
    void theMemoryKeepsWhatAPassSkippedAndDropsWhatTheStandbyNoLongerHolds() {
        ReferenceMemory memory = new ReferenceMemory();
        RegionReference a = new RegionReference("app", "a", "image_reference", "us-south", "us.icr.io");
        RegionReference b = new RegionReference("app", "b", "image_reference", "us-south", "us.icr.io");
        assertThat(memory.audited("eu-de")).isFalse();

        memory.update("eu-de", Map.of("app", Map.of("a", List.of(a), "b", List.of(b))), Map.of());
        memory.update("eu-de", Map.of("app", Map.of("a", List.of())), Map.of("app", Set.of("a", "b")));
        assertThat(memory.references("eu-de")).containsExactly(b);

        memory.update("eu-de", Map.of(), Map.of("app", Set.of("a")));
        assertThat(memory.references("eu-de")).isEmpty();
        assertThat(memory.audited("eu-de")).isTrue();
    }
}
