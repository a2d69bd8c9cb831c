package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code GET /function_runtimes}: the runtimes functions may name; the same in every region. */
final class FunctionRuntimes {

    private record Runtime(String id, String name, String family, boolean isDefault, boolean deprecated) {}

    private static final List<Runtime> RUNTIMES = List.of(
            new Runtime("nodejs-18", "Node.js 18", "nodejs", false, true),
            new Runtime("nodejs-20", "Node.js 20", "nodejs", true, false),
            new Runtime("python-3.11", "Python 3.11", "python", false, false),
            new Runtime("python-3.12", "Python 3.12", "python", true, false));

    private FunctionRuntimes() {}

    static List<String> ids() {
        return RUNTIMES.stream().map(Runtime::id).toList();
    }

    /** {@code {"function_runtimes":[{id,name,family,default,deprecated,optimized}]}}, not paged. */
    static ObjectNode list() {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("function_runtimes");
        for (Runtime runtime : RUNTIMES) {
            items.addObject()
                    .put("id", runtime.id())
                    .put("name", runtime.name())
                    .put("family", runtime.family())
                    .put("default", runtime.isDefault())
                    .put("deprecated", runtime.deprecated())
                    .put("optimized", false);
        }
        return body;
    }
}
