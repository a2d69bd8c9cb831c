package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A create or update request after decoding: JSON fields (for multipart destinations the text parts,
 * with {@code config} parsed and {@code collect_failed_events} as a boolean), file parts and the query.
 */
record RequestBody(ObjectNode fields, Map<String, UploadedFile> files, Map<String, String> query) {

    static RequestBody of(ObjectNode fields) {
        return new RequestBody(fields, Map.of(), Map.of());
    }
}
