package dev.regionguard.cloud.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.Optional;

/** The one JSON mapper of the HTTP layer; bodies stay trees, exactly as IBM sends them. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            // A tree always serialises; the message would carry no body text anyway
            throw new IllegalStateException("could not serialise a JSON tree", e);
        }
    }

    /**
     * The parsed body, {@link MissingNode} when empty, or empty when it is not JSON. Parse errors
     * are dropped on purpose: their messages quote the body, which may hold secrets.
     */
    static Optional<JsonNode> parse(byte[] body) {
        if (body.length == 0) {
            return Optional.of(MissingNode.getInstance());
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return Optional.of(node == null ? MissingNode.getInstance() : node);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A text field, or null when absent, empty or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
