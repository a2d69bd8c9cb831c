package dev.regionguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The openAPIV3Schema of a committed CRD, applied to a resource roughly as the API server applies it:
 * nulls of non-nullable fields pruned, defaults filled in, then structural validation. Unknown fields
 * are rejected, as kubectl's default strict field validation does (the server would prune them).
 * CEL rules are not evaluated here: see {@link CelRules}.
 */
final class CrdSchema {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .locale(Locale.ENGLISH)
            .pathType(PathType.LEGACY)
            .build();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Path file;
    private final JsonNode crd;

    private CrdSchema(Path file, JsonNode crd) {
        this.file = file;
        this.crd = crd;
    }

    static CrdSchema of(Path crdFile) {
        return new CrdSchema(crdFile, CrdFiles.readYaml(crdFile));
    }

    /** The committed CRD of a kind of the regionguard.dev group. */
    static CrdSchema ofKind(String kind) {
        return CrdFiles.committedCrds().stream()
                .map(CrdSchema::of)
                .filter(schema -> schema.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no CRD of kind " + kind + " in " + CrdFiles.crdDir()));
    }

    Path file() {
        return file;
    }

    JsonNode crd() {
        return crd;
    }

    String kind() {
        return crd.path("spec").path("names").path("kind").asText();
    }

    String group() {
        return crd.path("spec").path("group").asText();
    }

    List<String> versions() {
        List<String> versions = new ArrayList<>();
        crd.path("spec")
                .path("versions")
                .forEach(version -> versions.add(version.path("name").asText()));
        return versions;
    }

    /** True for a resource of this CRD's group and kind (any version). */
    boolean describes(JsonNode resource) {
        return resource.path("kind").asText().equals(kind())
                && resource.path("apiVersion").asText().startsWith(group() + "/");
    }

    JsonNode openApiSchema(String version) {
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("name").asText().equals(version)) {
                return v.path("schema").path("openAPIV3Schema");
            }
        }
        throw new IllegalArgumentException(file.getFileName() + " has no version " + version);
    }

    JsonNode openApiSchemaFor(JsonNode resource) {
        if (!describes(resource)) {
            throw new IllegalArgumentException("not a " + group() + " " + kind() + ": " + resource.path("apiVersion")
                    + " " + resource.path("kind"));
        }
        String apiVersion = resource.path("apiVersion").asText();
        return openApiSchema(apiVersion.substring(apiVersion.indexOf('/') + 1));
    }

    /** A copy of the resource as the API server stores it: nulls of non-nullable fields pruned, defaults applied. */
    JsonNode decode(JsonNode resource) {
        JsonNode copy = resource.deepCopy();
        pruneNullsAndDefault(openApiSchemaFor(resource), copy);
        return copy;
    }

    /** Structural-schema violations of the decoded resource, sorted by field. */
    List<FieldError> validate(JsonNode resource) {
        JsonNode jsonSchema = toJsonSchema(openApiSchemaFor(resource));
        return FACTORY.getSchema(jsonSchema, CONFIG).validate(decode(resource)).stream()
                .map(CrdSchema::toFieldError)
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    /**
     * An OpenAPI v3 structural schema as JSON Schema (draft 4, whose keywords OpenAPI 3.0 uses):
     * {@code x-kubernetes-*} dropped, {@code nullable} turned into a null type, int-or-string into anyOf,
     * and closed objects (no additionalProperties, no preserve-unknown-fields) made strict.
     */
    static ObjectNode toJsonSchema(JsonNode openApi) {
        ObjectNode schema = adapt(openApi);
        allowTypeMeta(schema); // the root, like an embedded resource, also holds apiVersion, kind and metadata
        return schema;
    }

    private static ObjectNode adapt(JsonNode node) {
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.properties().forEach(p -> properties.set(p.getKey(), adapt(p.getValue())));
                }
                case "items", "not" -> out.set(key, adapt(value));
                case "additionalProperties" -> out.set(key, value.isObject() ? adapt(value) : value.deepCopy());
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode branches = out.putArray(key);
                    value.forEach(branch -> branches.add(adapt(branch)));
                }
                case "nullable" -> {
                    // handled below, once type and enum are copied
                }
                default -> {
                    if (!key.startsWith("x-kubernetes-")) {
                        out.set(key, value.deepCopy());
                    }
                }
            }
        }
        if (node.path("nullable").asBoolean()) {
            JsonNode type = out.get("type");
            if (type != null && type.isTextual()) {
                out.putArray("type").add(type.asText()).add("null");
            }
            if (out.get("enum") instanceof ArrayNode values) {
                values.addNull();
            }
        }
        if (node.path("x-kubernetes-int-or-string").asBoolean() && !out.has("anyOf")) {
            ArrayNode anyOf = out.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        boolean open =
                node.path("x-kubernetes-preserve-unknown-fields").asBoolean() || node.has("additionalProperties");
        if ("object".equals(node.path("type").asText()) && !open) {
            out.put("additionalProperties", false);
        }
        if (node.path("x-kubernetes-embedded-resource").asBoolean()) {
            allowTypeMeta(out);
        }
        return out;
    }

    private static void allowTypeMeta(ObjectNode schema) {
        ObjectNode properties =
                schema.has("properties") ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
        properties.putIfAbsent("apiVersion", JSON.objectNode().put("type", "string"));
        properties.putIfAbsent("kind", JSON.objectNode().put("type", "string"));
        properties.putIfAbsent("metadata", JSON.objectNode().put("type", "object"));
    }

    private static void pruneNullsAndDefault(JsonNode schema, JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property :
                    schema.path("properties").properties()) {
                String name = property.getKey();
                JsonNode propertySchema = property.getValue();
                if (object.has(name)
                        && object.get(name).isNull()
                        && !propertySchema.path("nullable").asBoolean()) {
                    object.remove(name);
                }
                if (!object.has(name) && propertySchema.has("default")) {
                    object.set(name, propertySchema.get("default").deepCopy());
                }
                if (object.has(name)) {
                    pruneNullsAndDefault(propertySchema, object.get(name));
                }
            }
            if (schema.get("additionalProperties") instanceof ObjectNode valueSchema) {
                object.properties().stream()
                        .filter(field -> !schema.path("properties").has(field.getKey()))
                        .forEach(field -> pruneNullsAndDefault(valueSchema, field.getValue()));
            }
        } else if (node instanceof ArrayNode array && schema.has("items")) {
            array.forEach(item -> pruneNullsAndDefault(schema.get("items"), item));
        }
    }

    private static FieldError toFieldError(ValidationMessage message) {
        StringBuilder field = new StringBuilder(path(message.getInstanceLocation()));
        boolean namesAChild = "required".equals(message.getType()) || "additionalProperties".equals(message.getType());
        if (namesAChild && message.getProperty() != null) {
            field.append(field.isEmpty() ? "" : ".").append(message.getProperty());
        }
        String text = message.getMessage();
        int prefix = text.indexOf(": "); // drop the validator's own "$.spec.x: " location prefix
        return new FieldError(field.toString(), text.startsWith("$") && prefix > 0 ? text.substring(prefix + 2) : text);
    }

    /** spec.standbys[0].region, as the API server writes field paths. */
    static String path(JsonNodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        return path.toString();
    }
}
