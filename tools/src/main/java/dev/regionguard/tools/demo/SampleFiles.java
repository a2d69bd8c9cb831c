package dev.regionguard.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.EventNotificationsProtection;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads {@code config/samples/*.yaml} as {@code kubectl apply -f} would: files in name order. */
public final class SampleFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Secret", Secret.class,
            "ConfigMap", ConfigMap.class,
            "EventNotificationsProtection", EventNotificationsProtection.class,
            "CodeEngineProtection", CodeEngineProtection.class);

    private SampleFiles() {}

    public static List<HasMetadata> read(Path directory) {
        List<HasMetadata> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList()) {
                try (MappingIterator<JsonNode> docs =
                        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (docs.hasNext()) {
                        JsonNode doc = docs.next();
                        if (doc == null || doc.isEmpty()) {
                            continue;
                        }
                        Class<? extends HasMetadata> type =
                                KINDS.get(doc.path("kind").asText());
                        if (type == null) {
                            throw new IllegalArgumentException(
                                    file + ": kind " + doc.path("kind").asText() + " is not one the demo applies");
                        }
                        objects.add(YAML.convertValue(doc, type));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read samples in " + directory, e);
        }
        return objects;
    }
}
