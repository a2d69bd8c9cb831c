package dev.regionguard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.ZeroArgFunction;

/**
 * Runs Argo CD resource action scripts as Argo CD (3.1 and later) does: the libraries of {@link LuaHealth} plus
 * Argo CD's safe {@code os} (only {@code date} and {@code time}, here on a fixed clock), the parameters as the
 * global {@code actionParams}, and the returned table read as either the modified object (a patch) or a list of
 * {@code {operation, resource}}.
 */
final class LuaActions {
    /** The clock of the action tests: created objects are named after it. */
    static final Instant CLOCK = Instant.parse("2026-03-02T11:00:00Z");

    record Impacted(String operation, JsonNode resource) {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LuaActions() {}

    /** The actions discovery.lua offers, as Argo CD's ResourceAction objects, sorted by name. */
    static List<JsonNode> discover(String script, JsonNode object) {
        LuaValue result =
                globals(object, Map.of()).load(script, "discovery.lua").call();
        if (!result.istable()) {
            throw new AssertionError("discovery.lua returned " + result.typename() + ", not a table");
        }
        List<JsonNode> actions = new ArrayList<>();
        JsonNode all = toJson(result);
        all.properties().forEach(e -> actions.add(resourceAction(e.getKey(), e.getValue())));
        actions.sort(Comparator.comparing(a -> a.path("name").asText()));
        return actions;
    }

    /**
     * Runs action.lua. {@code params} null leaves {@code actionParams} undefined, as Argo CD before 3.1 does.
     * An error the script raises comes back as an {@link IllegalArgumentException} with the script's message.
     */
    static List<Impacted> run(String script, JsonNode object, Map<String, String> params) {
        LuaValue result;
        try {
            result = globals(object, params).load(script, "action.lua").call();
        } catch (LuaError e) {
            // The scripts raise error(message, 0): gopher-lua adds no position then, LuaJ still does.
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^action\\.lua:\\d+ ", ""), e);
        }
        if (!result.istable()) {
            throw new AssertionError("action.lua returned " + result.typename() + ", not a table");
        }
        JsonNode returned = toJson(result);
        if (!returned.isArray()) {
            return List.of(new Impacted("patch", clean(returned, object)));
        }
        List<Impacted> impacted = new ArrayList<>();
        for (JsonNode entry : returned) {
            String operation = entry.path("operation").asText();
            if (!operation.equals("create") && !operation.equals("patch")) {
                throw new AssertionError("unsupported operation: " + entry.path("operation"));
            }
            JsonNode resource = entry.path("resource");
            impacted.add(new Impacted(operation, operation.equals("patch") ? clean(resource, object) : resource));
        }
        return impacted;
    }

    private static Globals globals(JsonNode object, Map<String, String> params) {
        Globals globals = LuaHealth.argoGlobals(object);
        LuaTable os = new LuaTable();
        os.set("time", new ZeroArgFunction() {
            @Override
            public LuaValue call() {
                return LuaValue.valueOf(CLOCK.getEpochSecond());
            }
        });
        os.set("date", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.valueOf(date(args.optjstring(1, "%c")));
            }
        });
        globals.set("os", os);
        globals.get("package").get("loaded").set("os", os);
        if (params != null) {
            LuaTable actionParams = new LuaTable();
            params.forEach((k, v) -> actionParams.set(k, LuaValue.valueOf(v)));
            globals.set("actionParams", actionParams);
        }
        return globals;
    }

    /** os.date for the strftime fields the scripts use; any other field fails loudly. */
    private static String date(String format) {
        String f = format.startsWith("!") ? format.substring(1) : format;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            char field = f.charAt(++i);
            String pattern = switch (field) {
                case 'Y' -> "yyyy";
                case 'm' -> "MM";
                case 'd' -> "dd";
                case 'H' -> "HH";
                case 'M' -> "mm";
                case 'S' -> "ss";
                default -> throw new LuaError("os.date: unsupported field %" + field);
            };
            out.append(DateTimeFormatter.ofPattern(pattern)
                    .withZone(ZoneOffset.UTC)
                    .format(CLOCK));
        }
        return out.toString();
    }

    private static JsonNode resourceAction(String name, JsonNode value) {
        // Argo CD keeps these fields of a ResourceAction (and only the name of a parameter).
        ObjectNode action = JSON.objectNode().put("name", name);
        if (value.path("disabled").asBoolean(false)) {
            action.put("disabled", true);
        }
        for (String field : List.of("iconClass", "displayName")) {
            if (value.hasNonNull(field)) {
                action.put(field, value.get(field).asText());
            }
        }
        if (value.path("params").isArray() && !value.path("params").isEmpty()) {
            ArrayNode params = action.putArray("params");
            value.path("params")
                    .forEach(p -> params.addObject().put("name", p.path("name").asText()));
        }
        return action;
    }

    /** Lua → JSON as gopher-lua's luajson encodes: a table with keys 1..n is an array, an empty table too. */
    static JsonNode toJson(LuaValue value) {
        if (value.istable()) {
            LuaTable table = value.checktable();
            int length = table.length();
            int keys = table.keyCount();
            if (keys == length) {
                ArrayNode array = JSON.arrayNode();
                for (int i = 1; i <= length; i++) {
                    array.add(toJson(table.get(i)));
                }
                return array;
            }
            Map<String, JsonNode> fields = new TreeMap<>();
            for (LuaValue key : table.keys()) {
                fields.put(key.tojstring(), toJson(table.get(key)));
            }
            ObjectNode object = JSON.objectNode();
            fields.forEach(object::set);
            return object;
        }
        if (value.type() == LuaValue.TBOOLEAN) {
            return JSON.booleanNode(value.toboolean());
        }
        if (value.type() == LuaValue.TNUMBER) {
            double d = value.todouble();
            if (d != Math.rint(d)) {
                return JSON.numberNode(d);
            }
            // Whole numbers as the YAML reader gives them, so that trees compare equal.
            return d == (int) d ? JSON.numberNode((int) d) : JSON.numberNode((long) d);
        }
        if (value.isnil()) {
            return JSON.nullNode();
        }
        return JSON.textNode(value.tojstring());
    }

    /** As Argo CD's cleanReturnedObj: an empty table where the original had an object is an empty object. */
    private static JsonNode clean(JsonNode returned, JsonNode original) {
        if (returned.isObject() && original.isObject()) {
            ObjectNode copy = ((ObjectNode) returned).deepCopy();
            returned.properties().forEach(e -> copy.set(e.getKey(), clean(e.getValue(), original.path(e.getKey()))));
            return copy;
        }
        if (returned.isArray() && returned.isEmpty() && original.isObject()) {
            return JSON.objectNode();
        }
        return returned;
    }
}
