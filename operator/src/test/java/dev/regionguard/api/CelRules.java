package dev.regionguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code x-kubernetes-validations} rules of a CRD schema, wherever they sit, compiled with CEL for
 * Java and evaluated as the API server evaluates them on create: {@code self} is the value at the
 * rule's location (objects as maps, lists as lists, integers as int), once per matching node, and a
 * rule that is false rejects that node with the rule's message.
 *
 * <p>Differences from the API server: {@code self} is dynamically typed (the server derives a type
 * from the schema); only the standard library plus the strings, sets and optional extensions are
 * available (not Kubernetes' own libraries such as quantity or url); transition rules (those using
 * {@code oldSelf}) apply only on an update (a fixture with {@code oldObject}), as on the server.
 */
final class CelRules {
    private static final CelOptions OPTIONS = CelOptions.current()
            .enableOptionalSyntax(true)
            .enableHeterogeneousNumericComparisons(true) // as Kubernetes configures cel-go
            .build();
    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.optional())
            .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.optional())
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN)
            .build();
    private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");
    private static final String ITEMS = "[*]";
    private static final String VALUES = "{*}";

    private CelRules() {}

    /** A rule and where it applies: property names, {@code [*]} for list items, {@code {*}} for map values. */
    record Rule(
            List<String> location,
            JsonNode schema,
            String expression,
            String message,
            String messageExpression,
            String fieldPath) {
        String locationText() {
            StringBuilder text = new StringBuilder();
            for (String segment : location) {
                text.append(segment.equals(ITEMS) || segment.equals(VALUES) || text.isEmpty() ? "" : ".")
                        .append(segment);
            }
            return text.isEmpty() ? "<root>" : text.toString();
        }

        boolean isTransitionRule() {
            return OLD_SELF.matcher(expression).find();
        }

        @Override
        public String toString() {
            return locationText() + ": " + expression;
        }
    }

    /** A rule that rejected a node of a resource. */
    record Violation(Rule rule, FieldError error) {}

    /** Every rule in an openAPIV3Schema, in schema order. */
    static List<Rule> find(JsonNode openApiSchema) {
        List<Rule> rules = new ArrayList<>();
        collect(openApiSchema, List.of(), rules);
        return rules;
    }

    static CelAbstractSyntaxTree compile(String expression) throws CelValidationException {
        return CEL.compile(expression).getAst();
    }

    /** What the rules say about a resource as stored (see {@link CrdSchema#decode}). */
    static List<Violation> evaluate(List<Rule> rules, JsonNode storedResource) {
        return evaluate(rules, storedResource, null);
    }

    /**
     * As on an update from oldResource when it is not null: transition rules then apply where the value
     * exists in both, with {@code oldSelf} the old value; as on create (transition rules skipped) otherwise.
     */
    static List<Violation> evaluate(List<Rule> rules, JsonNode storedResource, JsonNode oldResource) {
        List<Violation> violations = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.isTransitionRule() && oldResource == null) {
                continue;
            }
            Map<String, JsonNode> old = oldResource == null ? Map.of() : nodesAt(oldResource, rule.location());
            for (Map.Entry<String, JsonNode> node :
                    nodesAt(storedResource, rule.location()).entrySet()) {
                if (rule.isTransitionRule() && !old.containsKey(node.getKey())) {
                    continue;
                }
                Object self = toCel(node.getValue(), rule.schema());
                Object result = rule.isTransitionRule()
                        ? eval(rule.expression(), self, toCel(old.get(node.getKey()), rule.schema()))
                        : eval(rule.expression(), self);
                if (!Boolean.TRUE.equals(result)) {
                    String message = result instanceof Exception e
                            ? "rule cannot be evaluated: " + e.getMessage() // the API server rejects these too
                            : message(rule, self);
                    FieldError error = new FieldError(field(node.getKey(), rule.fieldPath()), message);
                    violations.add(new Violation(rule, error));
                }
            }
        }
        return violations;
    }

    private static void collect(JsonNode schema, List<String> location, List<Rule> rules) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            rules.add(new Rule(
                    location,
                    schema,
                    rule.path("rule").asText(),
                    text(rule, "message"),
                    text(rule, "messageExpression"),
                    text(rule, "fieldPath")));
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            collect(property.getValue(), append(location, property.getKey()), rules);
        }
        if (schema.has("items")) {
            collect(schema.get("items"), append(location, ITEMS), rules);
        }
        if (schema.get("additionalProperties") instanceof ObjectNode values) {
            collect(values, append(location, VALUES), rules);
        }
    }

    /** The nodes at a rule location, by their field path (spec.templateBodies[1]); absent fields have none. */
    private static Map<String, JsonNode> nodesAt(JsonNode resource, List<String> location) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        nodes.put("", resource);
        for (String segment : location) {
            Map<String, JsonNode> next = new LinkedHashMap<>();
            nodes.forEach((path, node) -> {
                if (segment.equals(ITEMS) && node.isArray()) {
                    for (int i = 0; i < node.size(); i++) {
                        next.put(path + "[" + i + "]", node.get(i));
                    }
                } else if (segment.equals(VALUES) && node.isObject()) {
                    node.properties().forEach(e -> next.put(path + "[" + e.getKey() + "]", e.getValue()));
                } else if (node.hasNonNull(segment)) {
                    next.put(path.isEmpty() ? segment : path + "." + segment, node.get(segment));
                }
            });
            nodes = next;
        }
        return nodes;
    }

    private static Object eval(String expression, Object self) {
        try {
            return CEL.createProgram(compile(expression)).eval(Map.of("self", self));
        } catch (CelValidationException | CelEvaluationException e) {
            return e;
        }
    }

    private static Object eval(String expression, Object self, Object oldSelf) {
        try {
            return CEL.createProgram(compile(expression)).eval(Map.of("self", self, "oldSelf", oldSelf));
        } catch (CelValidationException | CelEvaluationException e) {
            return e;
        }
    }

    private static String message(Rule rule, Object self) {
        if (rule.messageExpression() != null
                && eval(rule.messageExpression(), self) instanceof String text
                && !text.isBlank()) {
            return text;
        }
        if (rule.message() != null) {
            return rule.message();
        }
        return "failed rule: " + rule.expression();
    }

    /** JSON as CEL values; the schema decides whether a number is an int or a double, as on the server. */
    static Object toCel(JsonNode node, JsonNode schema) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(field -> {
                JsonNode fieldSchema = schema.path("properties").has(field.getKey())
                        ? schema.path("properties").get(field.getKey())
                        : schema.path("additionalProperties");
                map.put(field.getKey(), toCel(field.getValue(), fieldSchema));
            });
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toCel(item, schema.path("items"))));
            return list;
        }
        if (node.isNumber()) {
            return "number".equals(schema.path("type").asText()) || node.isFloatingPointNumber()
                    ? (Object) node.asDouble()
                    : (Object) node.asLong();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNull()) {
            return NullValue.NULL_VALUE;
        }
        return node.asText();
    }

    /** Where the API server reports a violation: the node's path, extended by the rule's fieldPath. */
    private static String field(String path, String fieldPath) {
        if (fieldPath == null) {
            return path;
        }
        return path.isEmpty() ? fieldPath.replaceFirst("^\\.", "") : path + fieldPath;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static List<String> append(List<String> list, String element) {
        List<String> copy = new ArrayList<>(list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
