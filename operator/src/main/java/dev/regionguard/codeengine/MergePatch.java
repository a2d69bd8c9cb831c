package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** RFC 7396 JSON merge patches, as Code Engine's PATCH endpoints take them. */
final class MergePatch {
    private MergePatch() {}

    /**
     * The smallest patch that turns {@code from} into {@code to}: changed members with their new
     * value (objects patched member by member, arrays replaced whole), and a null for every
     * member {@code to} lacks, so that the server removes it (merge patch leaves absent members alone).
     */
    static ObjectNode between(ObjectNode from, ObjectNode to) {
        ObjectNode patch = CeJson.NODES.objectNode();
        for (Map.Entry<String, JsonNode> member : to.properties()) {
            JsonNode old = from.get(member.getKey());
            JsonNode wanted = member.getValue();
            if (old != null && old.equals(wanted)) {
                continue;
            }
            if (old instanceof ObjectNode oldObject && wanted instanceof ObjectNode wantedObject) {
                patch.set(member.getKey(), between(oldObject, wantedObject));
            } else {
                patch.set(member.getKey(), wanted.deepCopy());
            }
        }
        for (Map.Entry<String, JsonNode> member : from.properties()) {
            if (!to.has(member.getKey())) {
                patch.putNull(member.getKey());
            }
        }
        return patch;
    }
}
