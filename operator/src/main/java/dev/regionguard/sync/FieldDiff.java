package dev.regionguard.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** The field paths (dotted, {@code [i]} for array items) where two JSON values differ. */
final class FieldDiff {
    private FieldDiff() {}

    static List<String> paths(JsonNode wanted, JsonNode actual) {
        List<String> out = new ArrayList<>();
        collect("", wanted, actual, out);
        return out;
    }

    private static void collect(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> ai = a.elements();
            Iterator<JsonNode> bi = b.elements();
            for (int i = 0; ai.hasNext(); i++) {
                collect(path + "[" + i + "]", ai.next(), bi.next(), out);
            }
        } else if (a == null ? b != null : !a.equals(b)) {
            out.add(path.isEmpty() ? "(whole entity)" : path);
        }
    }
}
