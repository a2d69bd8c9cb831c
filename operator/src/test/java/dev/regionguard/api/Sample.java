package dev.regionguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** One document of a file in config/samples. */
record Sample(Path file, JsonNode resource) {
    @Override
    public String toString() {
        return file.getFileName() + " " + resource.path("kind").asText() + "/"
                + resource.at("/metadata/name").asText();
    }
}
