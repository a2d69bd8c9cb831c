package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small JSON tree helpers shared by the Code Engine client, types and store. */
final class CeJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CeJson() {}

    /** A text field, or null when absent, blank or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** A text field at a path such as {@code component, name}; null when any step is missing. */
    static String text(JsonNode node, String first, String... more) {
        JsonNode at = node == null ? null : node.path(first);
        for (String step : more) {
            at = at.path(step);
        }
        return at != null && at.isTextual() && !at.asText().isBlank() ? at.asText() : null;
    }

    /**
     * A deep copy without null members, recursively: CE sends and accepts absent and null alike
     * on reads, and comparisons must not depend on which one a server chose.
     */
    static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (!field.getValue().isNull()) {
                    copy.set(field.getKey(), withoutNulls(field.getValue()));
                }
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = NODES.arrayNode();
            array.forEach(item -> copy.add(withoutNulls(item)));
            return copy;
        }
        return node.deepCopy();
    }

    static ObjectNode objectWithoutNulls(ObjectNode node) {
        return (ObjectNode) withoutNulls(node);
    }

    /** Only the named members of {@code source} that are present (copied). */
    static ObjectNode pick(JsonNode source, String... fields) {
        ObjectNode result = NODES.objectNode();
        for (String field : fields) {
            JsonNode value = source.get(field);
            if (value != null && !value.isNull() && !value.isMissingNode()) {
                result.set(field, value.deepCopy());
            }
        }
        return result;
    }

    static List<ObjectNode> objects(JsonNode array) {
        List<ObjectNode> result = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> {
                if (item instanceof ObjectNode object) {
                    result.add(object);
                }
            });
        }
        return result;
    }
}
