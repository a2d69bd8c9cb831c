package dev.regionguard.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample manifests in config/samples, applied with kubectl apply -f config/samples/. */
final class Samples {
    private Samples() {}

    static Path dir() {
        return CrdFiles.projectRoot().resolve("config/samples");
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Sample> resources() {
        return files().stream()
                .flatMap(file -> CrdFiles.readYamlDocuments(file).stream().map(doc -> new Sample(file, doc)))
                .toList();
    }
}
