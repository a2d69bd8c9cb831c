package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The client-writable fields of one Code Engine kind (name aside): their JSON types, which are
 * required, which an update may change, allowed values and defaults. Fields outside the schema are
 * refused with 400, so a client sending server fields or misspelt ones learns it here.
 */
final class CeSchema {

    enum Type {
        STRING,
        INTEGER,
        BOOLEAN,
        OBJECT,
        STRING_LIST,
        OBJECT_LIST,
        STRING_MAP
    }

    private record Field(
            String name, Type type, boolean required, boolean updatable, Set<String> allowed, JsonNode defaultValue) {}

    private final String label;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    private CeSchema(String label) {
        this.label = label;
    }

    /** {@code label} names the kind in error messages, e.g. "app". */
    static CeSchema of(String label) {
        return new CeSchema(label);
    }

    CeSchema required(String name, Type type) {
        return add(new Field(name, type, true, true, Set.of(), null));
    }

    CeSchema optional(String name, Type type) {
        return add(new Field(name, type, false, true, Set.of(), null));
    }

    /** Optional with a default, which also comes back when an update removes the field. */
    CeSchema optional(String name, Type type, Object defaultValue) {
        return add(new Field(name, type, false, true, Set.of(), Json.MAPPER.valueToTree(defaultValue)));
    }

    /** A string from a fixed set; {@code defaultValue} null for a required one. */
    CeSchema oneOf(String name, String defaultValue, String... allowed) {
        return add(new Field(
                name,
                Type.STRING,
                defaultValue == null,
                true,
                Set.of(allowed),
                defaultValue == null ? null : Json.MAPPER.valueToTree(defaultValue)));
    }

    /** Settable on create only; updates must leave it out. */
    CeSchema createOnly(String name, Type type, boolean required) {
        return add(new Field(name, type, required, false, Set.of(), null));
    }

    private CeSchema add(Field field) {
        fields.put(field.name(), field);
        return this;
    }

    /** The spec of a create body without its name: checked, defaults filled. */
    ObjectNode create(ObjectNode body) {
        ObjectNode spec = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!fields.containsKey(entry.getKey())) {
                throw ApiException.badRequest("Field '" + entry.getKey() + "' is not part of a " + label);
            }
            if (!entry.getValue().isNull()) {
                spec.set(entry.getKey(), entry.getValue().deepCopy());
            }
        }
        return completed(spec);
    }

    /** RFC 7396 merge patch of {@code spec}: null removes a field (and brings its default back). */
    ObjectNode patch(ObjectNode spec, ObjectNode patch) {
        requireUpdatable(patch);
        return completed((ObjectNode) MergePatch.apply(spec.deepCopy(), patch));
    }

    /** PUT: the updatable fields become exactly those sent; create-only fields stay. */
    ObjectNode replace(ObjectNode spec, ObjectNode body) {
        requireUpdatable(body);
        ObjectNode replaced = spec.deepCopy();
        fields.values().stream().filter(Field::updatable).forEach(f -> replaced.remove(f.name()));
        body.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                replaced.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return completed(replaced);
    }

    private void requireUpdatable(ObjectNode body) {
        body.fieldNames().forEachRemaining(name -> {
            Field field = fields.get(name);
            if (field == null || !field.updatable()) {
                throw ApiException.badRequest("Field '" + name + "' of a " + label + " cannot be updated");
            }
        });
    }

    private ObjectNode completed(ObjectNode spec) {
        for (Field field : fields.values()) {
            JsonNode value = spec.get(field.name());
            if (value == null && field.defaultValue() != null) {
                spec.set(field.name(), field.defaultValue().deepCopy());
            } else if (value == null && field.required()) {
                throw ApiException.badRequest("Field '" + field.name() + "' is required for a " + label);
            } else if (value != null) {
                check(field, value);
            }
        }
        return spec;
    }

    private static void check(Field field, JsonNode value) {
        boolean ok = switch (field.type()) {
            case STRING -> value.isTextual();
            case INTEGER -> value.canConvertToInt() && value.isIntegralNumber() && value.intValue() >= 0;
            case BOOLEAN -> value.isBoolean();
            case OBJECT -> value.isObject();
            case STRING_LIST -> value.isArray() && all(value, JsonNode::isTextual);
            case OBJECT_LIST -> value.isArray() && all(value, JsonNode::isObject);
            case STRING_MAP -> value.isObject() && all(value, JsonNode::isTextual);
        };
        if (!ok) {
            throw ApiException.badRequest("Field '" + field.name() + "' must be " + describe(field.type()));
        }
        if (!field.allowed().isEmpty() && !field.allowed().contains(value.textValue())) {
            throw ApiException.badRequest("Field '" + field.name() + "' must be one of "
                    + field.allowed().stream().sorted().toList() + ", not '" + value.textValue() + "'");
        }
    }

    private static boolean all(JsonNode container, Predicate<JsonNode> test) {
        for (JsonNode item : container) {
            if (!test.test(item)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Type type) {
        return switch (type) {
            case STRING -> "a string";
            case INTEGER -> "a non-negative integer";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case STRING_LIST -> "an array of strings";
            case OBJECT_LIST -> "an array of objects";
            case STRING_MAP -> "an object of string values";
        };
    }
}
