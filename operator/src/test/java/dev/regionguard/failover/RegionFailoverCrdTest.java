package dev.regionguard.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.RegionFailover;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed RegionFailover CRD and its sample, as on-call meets them. (The api package's CRD tests
 * cover the EventNotificationsProtection schema in depth; schema validation of RegionFailover objects
 * runs through the fixtures in src/test/resources/crd/cel/regionfailover.)
 */
class RegionFailoverCrdTest {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static Path root() {
        return Path.of(System.getProperty("regionguard.projectRoot", ".."))
                .toAbsolutePath()
                .normalize();
    }

    private static JsonNode crd() throws IOException {
        return YAML.readTree(
                root().resolve("crds/regionfailovers.regionguard.dev-v1.yml").toFile());
    }

    @Test
    void onCallMetadata() throws IOException {
        JsonNode crd = crd();

        assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
        assertThat(crd.at("/spec/names/shortNames").toString()).isEqualTo("[\"rfo\"]");
        assertThat(crd.at("/spec/names/categories").toString()).isEqualTo("[\"regionguard\"]");
        assertThat(crd.at("/spec/versions/0/subresources/status").isObject()).isTrue();
        List<JsonNode> columns = new ArrayList<>();
        crd.at("/spec/versions/0/additionalPrinterColumns").forEach(columns::add);
        assertThat(columns)
                .extracting(
                        c -> c.path("name").asText(), c -> c.path("jsonPath").asText())
                .containsExactly(
                        tuple("Protection", ".spec.protectionRef.name"),
                        tuple("Type", ".spec.type"),
                        tuple("Target", ".status.toRegion"),
                        tuple("Phase", ".status.phase"),
                        tuple("Age", ".metadata.creationTimestamp"));
    }

    @Test
    void everyPropertyHasADescriptionForKubectlExplain() throws IOException {
        JsonNode schema = crd().at("/spec/versions/0/schema/openAPIV3Schema");
        List<String> missing = new ArrayList<>();
        collectUndescribed(schema.at("/properties/spec"), "spec", missing);
        collectUndescribed(schema.at("/properties/status"), "status", missing);

        assertThat(missing).isEmpty();
    }

    @Test
    void typeAndProtectionKindAreClosedEnumsAndTheSpecSaysWhatIsRequired() throws IOException {
        JsonNode spec = crd().at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");

        assertThat(spec.at("/properties/type/enum").toString())
                .isEqualTo("[\"Drill\",\"Failover\",\"Plan\",\"Relocate\"]");
        assertThat(spec.at("/properties/protectionRef/properties/kind/enum").toString())
                .isEqualTo("[\"CodeEngineProtection\",\"EventNotificationsProtection\"]");
        assertThat(spec.at("/required").toString()).isEqualTo("[\"protectionRef\",\"reason\",\"type\"]");
        assertThat(spec.at("/properties/force/default").asBoolean(true)).isFalse();
    }

    @Test
    void theSampleIsAFailoverOfTheDemoProtectionToItsStandby() throws IOException {
        RegionFailover rfo = YAML.readValue(
                root().resolve("config/samples/failover/orders-notifications-failover.yaml")
                        .toFile(),
                RegionFailover.class);
        JsonNode protection =
                YAML.readTree(root().resolve("config/samples/05-eventnotificationsprotection-orders-notifications.yaml")
                        .toFile());

        assertThat(rfo.getSpec().type).isEqualTo(FailoverType.Failover);
        assertThat(rfo.getSpec().protectionRef.kind).isEqualTo(ProtectionKind.EventNotificationsProtection);
        assertThat(rfo.getSpec().protectionRef.name)
                .isEqualTo(protection.at("/metadata/name").asText());
        assertThat(rfo.getMetadata().getNamespace())
                .isEqualTo(protection.at("/metadata/namespace").asText());
        assertThat(rfo.getSpec().targetRegion)
                .isEqualTo(protection.at("/spec/standbys/0/region").asText());
        assertThat(rfo.getSpec().force).isFalse();
    }

    /** kubectl apply -f config/samples/ (and the demo) must never start a failover. */
    @Test
    void noRegionFailoverIsAppliedWithTheOtherSamples() throws IOException {
        try (Stream<Path> files = Files.list(root().resolve("config/samples"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("kind: RegionFailover");
            }
        }
    }

    private static void collectUndescribed(JsonNode schema, String path, List<String> missing) {
        for (Map.Entry<String, JsonNode> property : iterable(schema.path("properties"))) {
            String child = path + "." + property.getKey();
            if (!property.getValue().hasNonNull("description")) {
                missing.add(child);
            }
            collectUndescribed(property.getValue(), child, missing);
        }
        if (schema.has("items")) {
            collectUndescribed(schema.get("items"), path + "[]", missing);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node instanceof ObjectNode object ? object.properties() : List.of();
    }
}
