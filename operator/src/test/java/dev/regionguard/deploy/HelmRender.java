package dev.regionguard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the chart with the real Helm engine (helm-java, JNI), once per values file for the
 * whole test run, and splits the output into documents parsed both as trees and as fabric8 types.
 */
final class HelmRender {
    static final String RELEASE = "regionguard";
    static final String NAMESPACE = "regionguard";

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final KubernetesSerialization KUBE = new KubernetesSerialization();

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    private HelmRender() {}

    /** The chart in the repository, with defaults (null) or src/test/resources/deploy/values/{name}. */
    static Rendered render(String valuesName) {
        return CACHE.computeIfAbsent(String.valueOf(valuesName), k -> template(Repo.CHART, values(valuesName)));
    }

    static Path values(String valuesName) {
        if (valuesName == null) {
            return null;
        }
        URL url = Objects.requireNonNull(HelmRender.class.getResource("/deploy/values/" + valuesName), valuesName);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Rendered template(Path chart, Path valuesFile) {
        var command = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        return new Rendered(split(command.call()));
    }

    /** The error Helm reports for a values file the chart must reject. */
    static String failure(String valuesName) {
        try {
            new Helm(Repo.CHART)
                    .template()
                    .withName(RELEASE)
                    .withNamespace(NAMESPACE)
                    .withValuesFile(values(valuesName))
                    .call();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("Helm rendered " + valuesName + " but the chart should have rejected it");
    }

    private static List<Doc> split(String output) {
        List<Doc> docs = new ArrayList<>();
        for (String part : output.split("(?m)^---\\s*$")) {
            String text = part.strip();
            boolean onlyComments = text.lines().allMatch(l -> l.isBlank() || l.startsWith("#"));
            if (onlyComments) {
                continue;
            }
            String source = text.lines()
                    .filter(l -> l.startsWith("# Source: "))
                    .findFirst()
                    .map(l -> l.substring("# Source: ".length()))
                    .orElse("");
            docs.add(new Doc(source, text + "\n", tree(text), KUBE.unmarshal(text)));
        }
        return docs;
    }

    static JsonNode tree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One rendered object: the template it came from, its text as Helm wrote it, and parsed forms. */
    record Doc(String source, String text, JsonNode tree, HasMetadata object) {
        String kind() {
            return object.getKind();
        }

        String name() {
            return object.getMetadata().getName();
        }
    }

    /** Everything one `helm template` produced. */
    record Rendered(List<Doc> docs) {
        List<Doc> ofKind(String kind) {
            return docs.stream().filter(d -> d.kind().equals(kind)).toList();
        }

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return docs.stream()
                    .map(Doc::object)
                    .filter(type::isInstance)
                    .map(type::cast)
                    .toList();
        }

        <T extends HasMetadata> T one(Class<T> type) {
            List<T> found = all(type);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
            }
            return found.get(0);
        }

        <T extends HasMetadata> T named(Class<T> type, String name) {
            return all(type).stream()
                    .filter(o -> o.getMetadata().getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
        }

        List<String> kinds() {
            return docs.stream().map(Doc::kind).toList();
        }
    }
}
