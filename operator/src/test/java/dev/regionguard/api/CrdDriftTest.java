package dev.regionguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRDs committed in crds/ are exactly what the Java types generate (in canonical form), so
 * what users install is what the operator was built and tested against. With
 * -Dregionguard.updateCrds=true the test rewrites crds/ instead: see {@link CrdFiles#UPDATE_COMMAND}.
 */
class CrdDriftTest {

    @BeforeAll
    static void updateCrdsIfRequested() throws IOException {
        if (!CrdFiles.updateRequested()) {
            return;
        }
        Files.createDirectories(CrdFiles.crdDir());
        for (Path generated : generatedCrds()) {
            Files.writeString(CrdFiles.committedPathOf(generated), CrdFiles.canonicalYaml(generated));
        }
        for (Path stale : staleCrds()) {
            Files.delete(stale);
        }
    }

    static List<Path> generatedCrds() {
        List<Path> generated = CrdFiles.generatedCrds();
        assertThat(generated)
                .as(
                        "CRDs generated into %s (run through Maven: the generator runs at process-classes)",
                        CrdFiles.generatedCrdDir())
                .isNotEmpty();
        return generated;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedCrds")
    void committedCrdIsTheCanonicalFormOfTheGeneratedOne(Path generated) {
        Path committed = CrdFiles.committedPathOf(generated);
        String name = "crds/" + committed.getFileName();
        if (!Files.exists(committed)) {
            fail("%s is missing. Generate it with: %s", name, CrdFiles.UPDATE_COMMAND);
        }
        String expected = CrdFiles.canonicalYaml(generated);
        String actual = CrdFiles.read(committed);
        if (!actual.equals(expected)) {
            fail(
                    "%s drifted from the Java types in dev.regionguard.api (%s). Regenerate it with: %s",
                    name, firstDifference(actual, expected), CrdFiles.UPDATE_COMMAND);
        }
    }

    @Test
    void crdsHoldsNoCrdThatIsNoLongerGenerated() {
        assertThat(staleCrds())
                .as(
                        "CRDs in crds/ that the Java types no longer generate; delete them or run: %s",
                        CrdFiles.UPDATE_COMMAND)
                .isEmpty();
    }

    /** The canonical form only reorders: same content as the generator's, printer columns aside. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedCrds")
    void canonicalFormMeansWhatTheGeneratedOneMeans(Path generated) throws IOException {
        JsonNode canonical = CrdFiles.YAML.readTree(CrdFiles.canonicalYaml(generated));
        CrdFiles.orderPrinterColumnsByJsonPath(canonical);

        assertThat(canonical).isEqualTo(CrdFiles.readYaml(generated));
    }

    private static List<Path> staleCrds() {
        Set<String> generated = CrdFiles.generatedCrds().stream()
                .map(p -> p.getFileName().toString())
                .collect(Collectors.toSet());
        return CrdFiles.committedCrds().stream()
                .filter(p -> !generated.contains(p.getFileName().toString()))
                .toList();
    }

    private static String firstDifference(String actual, String expected) {
        String[] a = actual.split("\n", -1);
        String[] e = expected.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, e.length); i++) {
            String committedLine = i < a.length ? a[i] : "<end of file>";
            String expectedLine = i < e.length ? e[i] : "<end of file>";
            if (!committedLine.equals(expectedLine)) {
                return "first difference at line " + (i + 1) + ": committed '" + committedLine.strip()
                        + "', generated '" + expectedLine.strip() + "'";
            }
        }
        return "line endings differ";
    }
}
