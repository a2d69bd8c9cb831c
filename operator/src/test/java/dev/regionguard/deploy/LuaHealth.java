package dev.regionguard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;

/**
 * Runs an Argo CD health script the way Argo CD does: Lua 5.1, the live object as the global
 * {@code obj}, and a returned table {status, message}. Only the libraries Argo CD opens when
 * useOpenLibs is off (base, package, table) are loaded, so a script that needs string or math
 * fails here as it would there.
 */
final class LuaHealth {
    record Result(String status, String message) {}

    private LuaHealth() {}

    static Result run(String script, JsonNode object) {
        Globals globals = argoGlobals(object);
        LuaValue result = globals.load(script, "health.lua").call();
        if (!result.istable()) {
            throw new AssertionError("health.lua returned " + result.typename() + ", not a table");
        }
        LuaValue message = result.get("message");
        return new Result(result.get("status").optjstring(null), message.isnil() ? "" : message.tojstring());
    }

    /** Lua 5.1 with base, package and table only, and {@code obj} set to the object. */
    static Globals argoGlobals(JsonNode object) {
        Globals globals = new Globals();
        globals.load(new JseBaseLib());
        globals.load(new PackageLib());
        globals.load(new TableLib());
        LoadState.install(globals);
        LuaC.install(globals);
        globals.set("obj", toLua(object));
        return globals;
    }

    /** JSON → Lua as Argo CD converts unstructured objects: maps and 1-based arrays as tables, nulls absent. */
    static LuaValue toLua(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return LuaValue.NIL;
        }
        if (node.isObject()) {
            LuaTable table = new LuaTable();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                table.set(e.getKey(), toLua(e.getValue()));
            }
            return table;
        }
        if (node.isArray()) {
            LuaTable table = new LuaTable();
            for (int i = 0; i < node.size(); i++) {
                table.set(i + 1, toLua(node.get(i)));
            }
            return table;
        }
        if (node.isBoolean()) {
            return LuaValue.valueOf(node.booleanValue());
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return LuaValue.valueOf(node.intValue());
        }
        if (node.isNumber()) {
            return LuaValue.valueOf(node.doubleValue());
        }
        return LuaValue.valueOf(node.asText());
    }
}
