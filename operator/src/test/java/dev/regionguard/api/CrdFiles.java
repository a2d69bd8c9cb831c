package dev.regionguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The CRD files: those the fabric8 generator writes at process-classes, and the canonical copies
 * committed in {@code crds/} under the generator's own file names ({@code <plural>.<group>-v1.yml}).
 * Canonical means: printer columns in the order of the kind's {@code @AdditionalPrinterColumn}
 * annotations (the generator sorts them by jsonPath), keys sorted, quotes only where YAML needs them,
 * no line folding, and a fixed header instead of the generator's comment.
 */
final class CrdFiles {
    static final String UPDATE_PROPERTY = "regionguard.updateCrds";
    static final String UPDATE_COMMAND = "mvn -pl operator -am test -Dtest=CrdDriftTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";
    static final String HEADER = "# Generated from the Java types in dev.regionguard.api: do not edit.\n"
            + "# Regenerate with: " + UPDATE_COMMAND + "\n";
    static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();
    private static final String API_PACKAGE = CrdFiles.class.getPackageName();
    private static final String GENERATED_SUFFIX = "-v1.yml";

    private CrdFiles() {}

    /** The committed CRDs: {@code <root>/crds}. Surefire sets the property; the fallback serves IDE runs. */
    static Path crdDir() {
        return dir("regionguard.crdDir", "../crds");
    }

    static Path generatedCrdDir() {
        return dir("regionguard.generatedCrdDir", "target/classes/META-INF/fabric8");
    }

    static Path projectRoot() {
        return dir("regionguard.projectRoot", "..");
    }

    static boolean updateRequested() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    static List<Path> generatedCrds() {
        return list(generatedCrdDir(), name -> name.endsWith(GENERATED_SUFFIX));
    }

    static List<Path> committedCrds() {
        return list(crdDir(), name -> name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    /** Where the canonical form of a generated CRD is committed. */
    static Path committedPathOf(Path generated) {
        return crdDir().resolve(generated.getFileName().toString());
    }

    static String canonicalYaml(Path generated) {
        JsonNode crd = readYaml(generated);
        orderPrinterColumnsAsDeclared(crd);
        try {
            return HEADER + YAML.writeValueAsString(sortKeys(crd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts each version's printer columns in the order the CR class declares them; others keep their place after. */
    static void orderPrinterColumnsAsDeclared(JsonNode crd) {
        List<String> declared = Arrays.stream(crClass(crd).getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::jsonPath)
                .toList();
        Comparator<JsonNode> byDeclaration = Comparator.comparingInt(column -> {
            int index = declared.indexOf(column.path("jsonPath").asText());
            return index < 0 ? Integer.MAX_VALUE : index;
        });
        sortPrinterColumns(crd, byDeclaration);
    }

    /** The generator's order, to compare a canonical CRD with the generated one. */
    static void orderPrinterColumnsByJsonPath(JsonNode crd) {
        sortPrinterColumns(
                crd, Comparator.comparing(column -> column.path("jsonPath").asText()));
    }

    private static void sortPrinterColumns(JsonNode crd, Comparator<JsonNode> order) {
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.get("additionalPrinterColumns") instanceof ArrayNode columns) {
                List<JsonNode> sorted = new ArrayList<>();
                columns.forEach(sorted::add);
                sorted.sort(order); // stable: undeclared columns keep the generator's relative order
                columns.removeAll();
                columns.addAll(sorted);
            }
        }
    }

    /** The CR class of a CRD: its kind, in the package of the CR types. */
    static Class<?> crClass(JsonNode crd) {
        String kind = crd.path("spec").path("names").path("kind").asText();
        try {
            return Class.forName(API_PACKAGE + "." + kind);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("CRD of kind " + kind + " has no class " + API_PACKAGE + "." + kind, e);
        }
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every document of a (possibly multi-document) YAML file, skipping empty ones. */
    static List<JsonNode> readYamlDocuments(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return docs.readAll().stream()
                    .filter(doc -> doc != null && !doc.isMissingNode() && !doc.isNull())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(field -> sorted.put(field.getKey(), sortKeys(field.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            copy.setAll(sorted);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sortKeys(element)));
            return copy;
        }
        return node;
    }

    private static Path dir(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }

    private static List<Path> list(Path dir, Predicate<String> nameFilter) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> nameFilter.test(f.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
