package dev.regionguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * config/samples applies with {@code kubectl apply -f config/samples/} and works as a whole: the
 * protection finds every Secret, ConfigMap and key it names. (Schema and CEL rules: CrdSchemaTest,
 * CrdCelRulesTest.)
 */
class SamplesTest {
    private static final String SECRET_KEY = "[-._a-zA-Z0-9]+"; // what the API server allows in data keys

    @Test
    void filesAreNumberedInApplyOrderAndSayWhatTheyAre() {
        Set<String> numbers = new HashSet<>();
        for (Path file : Samples.files()) {
            String name = file.getFileName().toString();
            assertThat(name).matches("\\d{2}-[a-z0-9-]+\\.yaml");
            assertThat(numbers.add(name.substring(0, 2)))
                    .as("number of %s is unique", name)
                    .isTrue();
            assertThat(CrdFiles.read(file).lines().findFirst().orElse(""))
                    .as("first line of %s", name)
                    .startsWith("# ");
        }
        assertThat(numbers).isNotEmpty();
    }

    /** The demo's simulator serves exactly these instances. */
    @Test
    void protectionNamesTheDemoInstances() {
        JsonNode protection = resource("EventNotificationsProtection", "orders-notifications");

        assertThat(protection.at("/metadata/namespace").asText()).isEqualTo("default");
        assertThat(protection.at("/spec/primary/region").asText()).isEqualTo("us-south");
        assertThat(protection.at("/spec/primary/instanceId").asText())
                .isEqualTo("5b2c0d4e-8f1a-4c3b-9d2e-7a6f1e0c3b21");
        assertThat(protection.at("/spec/standbys")).hasSize(1);
        assertThat(protection.at("/spec/standbys/0/region").asText()).isEqualTo("us-east");
        assertThat(protection.at("/spec/standbys/0/instanceId").asText())
                .isEqualTo("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");
    }

    @Test
    void protectionsFindEverySecretConfigMapAndKeyTheyName() {
        List<String> missing = new ArrayList<>();
        for (Sample sample : Samples.resources()) {
            if (!sample.resource().path("kind").asText().equals("EventNotificationsProtection")) {
                continue;
            }
            JsonNode spec = CrdSchema.ofKind("EventNotificationsProtection")
                    .decode(sample.resource())
                    .path("spec");
            String namespace = sample.resource().at("/metadata/namespace").asText();
            checkKey(
                    missing,
                    namespace,
                    "Secret",
                    spec.at("/credentialsSecretRef/name"),
                    spec.at("/credentialsSecretRef/key"));
            for (JsonNode standby : spec.path("standbys")) {
                if (standby.has("credentialsSecretRef")) {
                    checkKey(
                            missing,
                            namespace,
                            "Secret",
                            standby.at("/credentialsSecretRef/name"),
                            standby.at("/credentialsSecretRef/key"));
                }
            }
            for (JsonNode destination : spec.path("destinationSecrets")) {
                JsonNode secret = find("Secret", destination.path("secretName").asText(), namespace);
                if (secret == null
                        || (secret.path("data").isEmpty()
                                && secret.path("stringData").isEmpty())) {
                    missing.add("Secret " + destination.path("secretName").asText() + " with keys");
                }
            }
            for (JsonNode body : spec.path("templateBodies")) {
                String kind = body.has("configMapName") ? "ConfigMap" : "Secret";
                JsonNode name = body.has("configMapName") ? body.get("configMapName") : body.get("secretName");
                checkKey(missing, namespace, kind, name, body.path("bodyKey"));
                checkKey(missing, namespace, kind, name, body.path("subjectKey"));
            }
        }
        assertThat(missing)
                .as("objects and keys the protections name but config/samples lacks")
                .isEmpty();
    }

    @Test
    void secretAndConfigMapKeysAreValid() {
        for (Sample sample : Samples.resources()) {
            JsonNode resource = sample.resource();
            for (String field : List.of("data", "stringData")) {
                resource.path(field)
                        .properties()
                        .forEach(entry -> assertThat(entry.getKey())
                                .as("key in %s", sample)
                                .matches(SECRET_KEY));
            }
        }
    }

    private static void checkKey(List<String> missing, String namespace, String kind, JsonNode name, JsonNode key) {
        JsonNode object = find(kind, name.asText(), namespace);
        boolean found = object != null
                && (object.path("data").has(key.asText())
                        || object.path("stringData").has(key.asText()));
        if (!found) {
            missing.add(kind + " " + namespace + "/" + name.asText() + " key " + key.asText());
        }
    }

    private static JsonNode find(String kind, String name, String namespace) {
        return Samples.resources().stream()
                .map(Sample::resource)
                .filter(r -> r.path("kind").asText().equals(kind)
                        && r.at("/metadata/name").asText().equals(name)
                        && r.at("/metadata/namespace").asText().equals(namespace))
                .findFirst()
                .orElse(null);
    }

    private static JsonNode resource(String kind, String name) {
        return Samples.resources().stream()
                .map(Sample::resource)
                .filter(r -> r.path("kind").asText().equals(kind)
                        && r.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + Samples.dir()));
    }
}
