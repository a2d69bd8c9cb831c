package dev.regionguard.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Jackson plumbing and field checks that answer 400 the way IBM does. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode parseObject(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("A JSON request body is required");
        }
        return parseObject(body, "request body");
    }

    static ObjectNode parseObject(byte[] json, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw ApiException.badRequest("The " + what + " is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("The " + what + " must be a JSON object");
        }
        return (ObjectNode) node;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a field, or null when absent or JSON null; 400 when it is not a string. */
    static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("Field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    static String requiredText(ObjectNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Field '" + field + "' is required");
        }
        return value;
    }

    /** A name or description with IBM's length limit. */
    static String limited(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw ApiException.badRequest("Field '" + field + "' must be at most " + maxLength + " characters");
        }
        return value;
    }

    static Boolean bool(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("Field '" + field + "' must be a boolean");
        }
        return value.booleanValue();
    }

    static ObjectNode objectField(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw ApiException.badRequest("Field '" + field + "' must be an object");
        }
        return (ObjectNode) value;
    }

    static ArrayNode arrayField(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.badRequest("Field '" + field + "' must be an array");
        }
        return (ArrayNode) value;
    }

    /** A new node with the listed fields of {@code from}, in that order, where present. */
    static ObjectNode pick(ObjectNode from, String... fields) {
        ObjectNode to = object();
        for (String field : fields) {
            JsonNode value = from.get(field);
            if (value != null) {
                to.set(field, value.deepCopy());
            }
        }
        return to;
    }
}
