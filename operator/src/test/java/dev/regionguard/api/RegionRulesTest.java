package dev.regionguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed CRDs accept exactly the regions IBM offers each service in ({@link IbmRegions}) and
 * reject any other name with a message that names the region, the service and its regions.
 */
class RegionRulesTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PROJECT = "4e49b3e0-27a8-48d2-a784-c7ee48bb863b";
    private static final String OTHER_PROJECT = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

    /** IBM's docs: Event Notifications also runs in Montreal and Mumbai, Code Engine does not. */
    @Test
    void theListsDifferAsIbmPublishesThem() {
        List<String> onlyEn = new ArrayList<>(IbmRegions.eventNotifications());
        onlyEn.removeAll(IbmRegions.codeEngine());

        assertThat(onlyEn).containsExactly("ca-mon", "in-mum");
        assertThat(IbmRegions.eventNotifications()).hasSize(13).containsAll(IbmRegions.codeEngine());
        assertThat(IbmRegions.codeEngine()).hasSize(11).doesNotHaveDuplicates().isSorted();
        assertThat(IbmRegions.eventNotifications())
                .doesNotHaveDuplicates()
                .isSorted()
                .allMatch(region -> region.matches(EnInstanceRef.REGION));
    }

    /** One table serves the schema's registry rule and the audit: every Code Engine region but in-che has one. */
    @Test
    void everyCodeEngineRegionButChennaiHasItsOwnRegistry() {
        assertThat(IbmRegions.registryHosts())
                .containsEntry("eu-de", "de.icr.io")
                .containsEntry("us-south", "us.icr.io")
                .containsEntry("us-east", "us.icr.io")
                .containsEntry("jp-osa", "jp2.icr.io")
                .allSatisfy((region, host) -> assertThat(host).matches(RegistryHostOverride.HOST));
        List<String> without = new ArrayList<>(IbmRegions.codeEngine());
        without.removeAll(IbmRegions.registryHosts().keySet());
        assertThat(without).containsExactly("in-che");
    }

    static List<String> codeEngineRegions() {
        return IbmRegions.codeEngine();
    }

    static List<String> eventNotificationsRegions() {
        return IbmRegions.eventNotifications();
    }

    static Stream<String> eventNotificationsOnlyRegions() {
        return IbmRegions.eventNotifications().stream()
                .filter(r -> !IbmRegions.codeEngine().contains(r));
    }

    @ParameterizedTest
    @MethodSource("codeEngineRegions")
    void everyCodeEngineRegionIsAcceptedAsPrimaryAndStandby(String region) {
        assertThat(violations(protection("CodeEngineProtection", "projectId", region, otherThan(region))))
                .isEmpty();
        assertThat(violations(protection("CodeEngineProtection", "projectId", otherThan(region), region)))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventNotificationsRegions")
    void everyEventNotificationsRegionIsAcceptedAsPrimaryAndStandby(String region) {
        assertThat(violations(protection("EventNotificationsProtection", "instanceId", region, otherThan(region))))
                .isEmpty();
        assertThat(violations(protection("EventNotificationsProtection", "instanceId", otherThan(region), region)))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventNotificationsOnlyRegions")
    void aRegionWithoutCodeEngineIsRejectedForCodeEngineNamingItsRegions(String region) {
        assertThat(violations(protection("CodeEngineProtection", "projectId", "us-south", region)))
                .containsExactly("spec.standbys[0].region: region " + region
                        + " does not offer Code Engine; Code Engine regions: 'au-syd', 'br-sao', 'ca-tor', 'eu-de',"
                        + " 'eu-es', 'eu-gb', 'in-che', 'jp-osa', 'jp-tok', 'us-east', 'us-south'");
        assertThat(violations(protection("CodeEngineProtection", "projectId", region, "us-south")))
                .singleElement(STRING)
                .startsWith("spec.primary.region: region " + region + " does not offer Code Engine;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-soth", "eu-fra", "us-west", "eu-fr"})
    void aTypoIsRejectedForEitherService(String typo) {
        assertThat(violations(protection("CodeEngineProtection", "projectId", typo, "us-east")))
                .singleElement(STRING)
                .startsWith("spec.primary.region: region " + typo + " does not offer Code Engine;");
        assertThat(violations(protection("EventNotificationsProtection", "instanceId", "us-east", typo)))
                .singleElement(STRING)
                .isEqualTo("spec.standbys[0].region: region " + typo
                        + " does not offer Event Notifications; Event Notifications regions: 'au-syd', 'br-sao',"
                        + " 'ca-mon', 'ca-tor', 'eu-de', 'eu-es', 'eu-gb', 'in-che', 'in-mum', 'jp-osa', 'jp-tok',"
                        + " 'us-east', 'us-south'");
    }

    @ParameterizedTest
    @MethodSource("eventNotificationsRegions")
    void aRegionFailoverMayTargetAnyRegionOfEitherService(String region) {
        assertThat(violations(failover(region))).isEmpty();
    }

    @Test
    void aRegionFailoverToNoServiceRegionIsRejected() {
        assertThat(violations(failover("us-esat")))
                .singleElement(STRING)
                .startsWith("spec.targetRegion: region us-esat offers neither Event Notifications nor Code Engine;")
                .contains("Code Engine regions: 'au-syd'");
    }

    private static String otherThan(String region) {
        return region.equals("us-south") ? "us-east" : "us-south";
    }

    private static ObjectNode protection(String kind, String idField, String primary, String standby) {
        ObjectNode resource = resource(kind);
        ObjectNode spec = resource.putObject("spec");
        spec.putObject("primary").put("region", primary).put(idField, PROJECT);
        spec.putArray("standbys").addObject().put("region", standby).put(idField, OTHER_PROJECT);
        spec.putObject("credentialsSecretRef").put("name", "ibmcloud-apikey");
        return resource;
    }

    private static ObjectNode failover(String targetRegion) {
        ObjectNode resource = resource("RegionFailover");
        ObjectNode spec = resource.putObject("spec");
        spec.putObject("protectionRef").put("kind", "CodeEngineProtection").put("name", "orders");
        spec.put("type", "Failover").put("targetRegion", targetRegion).put("reason", "INC-1");
        return resource;
    }

    private static ObjectNode resource(String kind) {
        ObjectNode resource = JSON.objectNode();
        resource.put("apiVersion", "regionguard.dev/v1alpha1").put("kind", kind);
        resource.putObject("metadata").put("name", "regions");
        return resource;
    }

    /** Structural errors and CEL violations together, as the API server would answer. */
    private static List<String> violations(JsonNode resource) {
        CrdSchema crd = CrdSchema.ofKind(resource.path("kind").asText());
        List<String> all = new ArrayList<>();
        crd.validate(resource).forEach(e -> all.add(e.toString()));
        CelRules.evaluate(CelRules.find(crd.openApiSchemaFor(resource)), crd.decode(resource))
                .forEach(v -> all.add(v.error().toString()));
        return all;
    }
}
