package dev.regionguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The committed EventNotificationsProtection CRD: what its schema accepts and what on-call engineers see. */
class CrdSchemaTest {
    private static final String KIND = "EventNotificationsProtection";
    private static final CrdSchema SCHEMA = CrdSchema.ofKind(KIND);

    static List<Sample> samples() {
        List<Sample> samples = Samples.resources().stream()
                .filter(s -> SCHEMA.describes(s.resource()))
                .toList();
        assertThat(samples).as("%s samples in config/samples", KIND).isNotEmpty();
        return samples;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void samplesAreValid(Sample sample) {
        assertThat(SCHEMA.validate(sample.resource())).isEmpty();
    }

    static List<String> eventNotificationsRegions() {
        return IbmRegions.eventNotifications();
    }

    /** Every region with Event Notifications (IBM's list, {@link IbmRegions}) passes the structural schema. */
    @ParameterizedTest
    @MethodSource("eventNotificationsRegions")
    void everyEventNotificationsRegionIsAccepted(String region) {
        ObjectNode resource = baseResource();
        ((ObjectNode) resource.at("/spec/primary")).put("region", region);
        ((ObjectNode) resource.at("/spec/standbys/0")).put("region", region);

        assertThat(SCHEMA.validate(resource)).isEmpty();
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                invalid("missing primary", "/spec", spec -> spec.remove("primary"), "spec.primary", "required"),
                invalid("no standby", "/spec", spec -> spec.putArray("standbys"), "spec.standbys", "at least 1 items"),
                invalid(
                        "region with a space",
                        "/spec/primary",
                        primary -> primary.put("region", "US South"),
                        "spec.primary.region",
                        "does not match the regex pattern"),
                invalid(
                        "instance ID not a GUID",
                        "/spec/standbys/0",
                        standby -> standby.put("instanceId", "9e8d7c6b5a4f4e3d8c2b1a0f9e8d7c6b"),
                        "spec.standbys[0].instanceId",
                        "does not match the regex pattern"),
                invalid(
                        "unknown sync mode",
                        "/spec/sync",
                        sync -> sync.put("mode", "Sometimes"),
                        "spec.sync.mode",
                        "enumeration"),
                invalid(
                        "negative deletion cap",
                        "/spec/sync",
                        sync -> sync.put("maxDeletionsPerPass", -1),
                        "spec.sync.maxDeletionsPerPass",
                        "minimum value of 0"),
                invalid(
                        "interval in words",
                        "/spec/sync",
                        sync -> sync.put("interval", "5 minutes"),
                        "spec.sync.interval",
                        "does not match the regex pattern"),
                invalid(
                        "credentials without a Secret name",
                        "/spec/credentialsSecretRef",
                        ref -> ref.remove("name"),
                        "spec.credentialsSecretRef.name",
                        "required"),
                // kubectl's strict field validation rejects a misspelt field; the server would silently drop it
                invalid(
                        "misspelt field",
                        "/spec/sync",
                        sync -> sync.put("maxDeletionPerPass", 3),
                        "spec.sync.maxDeletionPerPass",
                        "not defined in the schema"),
                invalid(
                        "accepted region reference without a kind",
                        "/spec",
                        spec -> spec.putObject("regionIndependence")
                                .putArray("acceptedReferences")
                                .addObject()
                                .put("field", "metadata.endpoint"),
                        "spec.regionIndependence.acceptedReferences[0].kind",
                        "required"),
                invalid(
                        "accepted region reference with a space in its field",
                        "/spec",
                        spec -> spec.putObject("regionIndependence")
                                .putArray("acceptedReferences")
                                .addObject()
                                .put("kind", "integration")
                                .put("field", "metadata endpoint"),
                        "spec.regionIndependence.acceptedReferences[0].field",
                        "does not match the regex pattern"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void invalidSpecsAreRejectedNamingTheField(String name, JsonNode resource, String field, String reason) {
        List<FieldError> errors = SCHEMA.validate(resource);

        assertThat(errors).as("errors for %s", name).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo(field);
        assertThat(errors.get(0).message()).contains(reason);
    }

    @Test
    void defaultsAreFilledInAsTheApiServerWould() {
        ObjectNode resource = baseResource();
        ((ObjectNode) resource.at("/spec")).remove("sync");
        ((ObjectNode) resource.at("/spec")).putObject("sync");

        JsonNode stored = SCHEMA.decode(resource);

        assertThat(stored.at("/spec/sync/interval").asText()).isEqualTo("5m");
        assertThat(stored.at("/spec/sync/mode").asText()).isEqualTo("Mirror");
        assertThat(stored.at("/spec/sync/maxDeletionsPerPass").asInt()).isEqualTo(10);
        assertThat(stored.at("/spec/credentialsSecretRef/key").asText()).isEqualTo("apikey");
        assertThat(SCHEMA.validate(resource)).isEmpty();
    }

    @Test
    void onCallMetadata() throws IOException {
        CustomResourceDefinition crd = CrdFiles.YAML.treeToValue(SCHEMA.crd(), CustomResourceDefinition.class);

        assertThat(crd.getSpec().getGroup()).isEqualTo(Protections.GROUP);
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("enp");
        assertThat(crd.getSpec().getNames().getCategories()).containsExactly("regionguard");
        assertThat(crd.getSpec().getVersions())
                .extracting(CustomResourceDefinitionVersion::getName)
                .containsExactly(Protections.VERSION);
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
        assertThat(version.getSubresources().getStatus())
                .as("status subresource")
                .isNotNull();
        assertThat(version.getAdditionalPrinterColumns())
                .extracting(CustomResourceColumnDefinition::getName, CustomResourceColumnDefinition::getJsonPath)
                .containsExactly(
                        tuple("Ready", ".status.conditions[?(@.type==\"Ready\")].status"),
                        tuple("Active", ".status.activeRegion"),
                        tuple("Epoch", ".status.epoch"),
                        tuple("Primary", ".spec.primary.region"),
                        tuple("In Sync", ".status.standbysInSync"),
                        tuple("Last Sync", ".status.lastSyncTime"),
                        tuple("Age", ".metadata.creationTimestamp"));
    }

    /** A column whose field was renamed away shows empty cells without any error. */
    @Test
    void printerColumnsPointAtFieldsOfTheSchema() {
        JsonNode schema = SCHEMA.openApiSchema(Protections.VERSION);
        List<String> dangling = new ArrayList<>();
        for (JsonNode column : SCHEMA.crd().at("/spec/versions/0/additionalPrinterColumns")) {
            String jsonPath = column.path("jsonPath").asText();
            if (!jsonPath.startsWith(".metadata.") && resolve(schema, jsonPath).isMissingNode()) {
                dangling.add(column.path("name").asText() + " (" + jsonPath + ")");
            }
        }
        assertThat(dangling)
                .as("printer columns whose jsonPath is not in the schema")
                .isEmpty();
    }

    /** kubectl explain shows these descriptions; on-call engineers read them mid-incident. */
    @Test
    void everySpecAndStatusPropertyHasADescription() {
        JsonNode schema = SCHEMA.openApiSchema(Protections.VERSION);
        List<String> missing = new ArrayList<>();
        collectUndescribed(schema.at("/properties/spec"), "spec", missing);
        collectUndescribed(schema.at("/properties/status"), "status", missing);

        assertThat(missing)
                .as("properties without a description: add @JsonPropertyDescription to their Java fields")
                .isEmpty();
    }

    private static void collectUndescribed(JsonNode schema, String path, List<String> missing) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String child = path + "." + property.getKey();
            if (!property.getValue().hasNonNull("description")) {
                missing.add(child);
            }
            collectUndescribed(property.getValue(), child, missing);
        }
        if (schema.has("items")) {
            collectUndescribed(schema.get("items"), path + "[]", missing);
        }
        if (schema.get("additionalProperties") instanceof ObjectNode values) {
            collectUndescribed(values, path + "[*]", missing);
        }
    }

    /** The schema node of a simple printer-column jsonPath; filters like [?(...)] step into array items. */
    private static JsonNode resolve(JsonNode schema, String jsonPath) {
        JsonNode node = schema;
        for (String segment : jsonPath.replaceAll("\\[[^]]*]", ".[]").split("\\.")) {
            if (segment.isEmpty()) {
                continue;
            }
            node = segment.equals("[]")
                    ? node.path("items")
                    : node.path("properties").path(segment);
        }
        return node;
    }

    private static Arguments invalid(
            String name, String pointer, Consumer<ObjectNode> change, String field, String reason) {
        ObjectNode resource = baseResource();
        change.accept((ObjectNode) resource.at(pointer));
        return arguments(name, resource, field, reason);
    }

    /** The orders-notifications sample, which is valid: each invalid case changes one thing in it. */
    private static ObjectNode baseResource() {
        return samples().stream()
                .map(Sample::resource)
                .filter(r -> r.at("/metadata/name").asText().equals("orders-notifications"))
                .findFirst()
                .map(r -> (ObjectNode) r.deepCopy())
                .orElseThrow();
    }
}
