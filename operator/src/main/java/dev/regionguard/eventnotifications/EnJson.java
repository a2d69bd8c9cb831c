package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON helpers every Event Notifications type shares, so normalisation is written once. */
final class EnJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EnJson() {}

    /** The text of a field, or null when it is absent, null or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** Fields IBM sets on every kind: ids, timestamps, counts and the names of related entities. */
    static boolean serverGenerated(String field) {
        return field.equals("id")
                || field.equals("created_at")
                || field.equals("updated_at")
                || field.endsWith("_count")
                || field.endsWith("_names");
    }

    /** Removes the fields of {@code node} the predicate selects; returns the node. */
    static ObjectNode removeFields(ObjectNode node, java.util.function.Predicate<String> drop) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.stream().filter(drop).forEach(node::remove);
        return node;
    }

    /** The object held by {@code field}, created (replacing a non-object) when absent. */
    static ObjectNode object(ObjectNode parent, String field) {
        if (parent.get(field) instanceof ObjectNode existing) {
            return existing;
        }
        ObjectNode created = NODES.objectNode();
        parent.set(field, created);
        return created;
    }

    /** Each object element of the array field, for in-place edits; none when it is not an array. */
    static List<ObjectNode> objects(JsonNode node, String arrayField) {
        JsonNode array = node == null ? null : node.get(arrayField);
        List<ObjectNode> result = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(e -> {
                if (e.isObject()) {
                    result.add((ObjectNode) e);
                }
            });
        }
        return result;
    }

    /**
     * Drops what "not set" looks like in IBM's answers (null, "", {} and []) at any depth, so that
     * an omitted field and an empty one compare equal.
     */
    static JsonNode compact(JsonNode node) {
        if (node.isObject()) {
            ObjectNode result = NODES.objectNode();
            node.properties().forEach(e -> {
                JsonNode value = compact(e.getValue());
                if (!unset(value)) {
                    result.set(e.getKey(), value);
                }
            });
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = NODES.arrayNode();
            node.forEach(e -> result.add(compact(e)));
            return result;
        }
        return node;
    }

    private static boolean unset(JsonNode value) {
        return value.isNull()
                || value.isMissingNode()
                || value.isTextual() && value.asText().isEmpty()
                || value.isContainerNode() && value.isEmpty();
    }

    /** Sorts an array field whose order carries no meaning; absent or non-array fields stay. */
    static void sortArray(ObjectNode node, String field) {
        JsonNode array = node.get(field);
        if (array == null || !array.isArray()) {
            return;
        }
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        elements.sort(Comparator.comparing(EnJson::canonical));
        node.set(field, NODES.arrayNode().addAll(elements));
    }

    static ArrayNode textArray(Iterable<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** JSON text with object keys sorted at every depth: equal content, equal text. */
    static String canonical(JsonNode node) {
        return sortedKeys(node).toString();
    }

    private static JsonNode sortedKeys(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), sortedKeys(e.getValue())));
            ObjectNode result = NODES.objectNode();
            sorted.forEach(result::set);
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = NODES.arrayNode();
            node.forEach(e -> result.add(sortedKeys(e)));
            return result;
        }
        return node;
    }

    /** A short, stable digest of JSON content (change markers built from list items). */
    static String fingerprint(JsonNode node) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(canonical(node).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
