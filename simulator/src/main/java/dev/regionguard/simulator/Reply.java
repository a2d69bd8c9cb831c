package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One answer of a simulated API before it goes on the wire; a null body sends none. */
record Reply(int status, JsonNode body, Map<String, String> headers) {

    Reply {
        headers = Map.copyOf(headers);
    }

    Reply(int status, JsonNode body) {
        this(status, body, Map.of());
    }
}
