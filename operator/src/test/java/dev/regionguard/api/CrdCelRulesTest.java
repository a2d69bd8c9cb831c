package dev.regionguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CEL rule of every CRD in crds/ compiles with CEL for Java and does what its fixtures in
 * src/test/resources/crd/cel say; a rule that no fixture breaks fails the test (see the README there).
 */
class CrdCelRulesTest {
    private static final Pattern SELECTED_FIELD = Pattern.compile("\\.\\s*([A-Za-z_][A-Za-z0-9_]*)\\b(?!\\s*\\()");

    record CrdRule(CrdSchema crd, String version, CelRules.Rule rule) {
        @Override
        public String toString() {
            return crd.kind() + " " + version + " " + rule;
        }
    }

    /** oldObject: set for an update (transition rules apply), null for a create. */
    record Fixture(Path file, List<String> expect, JsonNode object, JsonNode oldObject) {
        @Override
        public String toString() {
            return fixtureDir().relativize(file).toString();
        }
    }

    static List<CrdRule> rules() {
        List<CrdRule> rules = new ArrayList<>();
        for (Path file : CrdFiles.committedCrds()) {
            CrdSchema crd = CrdSchema.of(file);
            for (String version : crd.versions()) {
                CelRules.find(crd.openApiSchema(version)).forEach(rule -> rules.add(new CrdRule(crd, version, rule)));
            }
        }
        assertThat(rules).as("CEL rules in %s", CrdFiles.crdDir()).isNotEmpty();
        return rules;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleCompilesToABoolean(CrdRule crdRule) {
        CelAbstractSyntaxTree ast;
        try {
            ast = CelRules.compile(crdRule.rule().expression());
        } catch (CelValidationException e) {
            throw new AssertionError("rule does not compile in CEL for Java: " + crdRule + "\n" + e.getMessage(), e);
        }
        assertThat(ast.getResultType().kind()).as("result type of %s", crdRule).isIn(CelKind.BOOL, CelKind.DYN);
    }

    /** The API server refuses a CRD whose rule reports on a field its schema does not have. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void fieldPathNamesAFieldOfTheSchema(CrdRule crdRule) {
        String fieldPath = crdRule.rule().fieldPath();
        if (fieldPath == null) {
            return;
        }
        JsonNode node = crdRule.rule().schema();
        for (String name : fieldPath.replaceFirst("^\\.", "").split("\\.")) {
            node = node.path("properties").path(name);
        }
        assertThat(node.isMissingNode())
                .as("fieldPath %s of %s", fieldPath, crdRule)
                .isFalse();
    }

    /**
     * The API server estimates each rule's worst-case cost from the schema and refuses the whole CRD
     * when it is over budget; a string without maxLength counts as up to 3 MB, a list without maxItems
     * as that many elements. So every string a rule reads needs maxLength (or enum) and every list it
     * reads needs maxItems. Fields inside has() are exempt: has() does not read the value.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleReadsOnlyBoundedStringsAndLists(CrdRule crdRule) {
        String code = crdRule.rule()
                .expression()
                .replaceAll("'[^']*'|\"[^\"]*\"", "''")
                .replaceAll("has\\([^)]*\\)", "true");
        Set<String> selected = new HashSet<>();
        Matcher matcher = SELECTED_FIELD.matcher(code);
        while (matcher.find()) {
            selected.add(matcher.group(1));
        }
        List<String> unbounded = new ArrayList<>();
        collectUnbounded(crdRule.rule().schema(), crdRule.rule().locationText(), selected, unbounded);

        assertThat(unbounded)
                .as("fields %s reads without a size bound; add @Size(max = ...)", crdRule)
                .isEmpty();
    }

    private static void collectUnbounded(JsonNode schema, String path, Set<String> selected, List<String> out) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode child = property.getValue();
            String childPath = path + "." + property.getKey();
            if (selected.contains(property.getKey())) {
                String type = child.path("type").asText();
                if (type.equals("string") && !child.has("maxLength") && !child.has("enum")) {
                    out.add(childPath + " (string without maxLength)");
                }
                if (type.equals("array") && !child.has("maxItems")) {
                    out.add(childPath + " (list without maxItems)");
                }
            }
            collectUnbounded(child, childPath, selected, out);
        }
        if (schema.has("items")) {
            collectUnbounded(schema.get("items"), path + "[*]", selected, out);
        }
    }

    static List<Fixture> fixtures() {
        try (Stream<Path> files = Files.walk(fixtureDir())) {
            List<Fixture> fixtures = files.filter(f -> f.toString().endsWith(".yaml"))
                    .sorted()
                    .map(file -> {
                        JsonNode fixture = CrdFiles.readYaml(file);
                        List<String> expect = new ArrayList<>();
                        fixture.path("expect").forEach(e -> expect.add(e.asText()));
                        return new Fixture(
                                file,
                                expect,
                                fixture.path("object"),
                                fixture.has("oldObject") ? fixture.get("oldObject") : null);
                    })
                    .toList();
            assertThat(fixtures).isNotEmpty();
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixture(Fixture fixture) {
        CrdSchema crd = crdOf(fixture.object());
        assertThat(crd.validate(fixture.object()))
                .as("structural schema errors: the fixture must pass the schema so that only CEL rejects it")
                .isEmpty();

        assertThat(violations(crd, fixture.object(), fixture.oldObject()))
                .containsExactlyInAnyOrderElementsOf(fixture.expect());
    }

    @Test
    void everyRuleHasAFixtureThatBreaksItAndEveryKindOneThatPasses() {
        Set<String> broken = new HashSet<>();
        Set<String> kindsWithAcceptedFixtures = new HashSet<>();
        for (Fixture fixture : fixtures()) {
            CrdSchema crd = crdOf(fixture.object());
            List<CelRules.Violation> violations = CelRules.evaluate(
                    rulesOf(crd, fixture.object()),
                    crd.decode(fixture.object()),
                    fixture.oldObject() == null ? null : crd.decode(fixture.oldObject()));
            violations.forEach(v -> broken.add(crd.kind() + " " + v.rule()));
            if (fixture.expect().isEmpty()) {
                kindsWithAcceptedFixtures.add(crd.kind());
            }
        }
        List<String> unbroken = new ArrayList<>();
        List<String> kindsWithoutAcceptedFixtures = new ArrayList<>();
        for (CrdRule rule : rules()) {
            if (!broken.contains(rule.crd().kind() + " " + rule.rule())) {
                unbroken.add(rule.toString());
            }
            if (!kindsWithAcceptedFixtures.contains(rule.crd().kind())) {
                kindsWithoutAcceptedFixtures.add(rule.crd().kind());
            }
        }
        assertThat(unbroken)
                .as("rules that no fixture in %s breaks", fixtureDir())
                .isEmpty();
        assertThat(kindsWithoutAcceptedFixtures)
                .as("kinds with rules but no fixture the rules accept")
                .isEmpty();
    }

    static List<Sample> samples() {
        Set<String> kinds = new HashSet<>();
        rules().forEach(r -> kinds.add(r.crd().kind()));
        return Samples.resources().stream()
                .filter(s -> kinds.contains(s.resource().path("kind").asText()))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void samplesPassTheRules(Sample sample) {
        assertThat(violations(crdOf(sample.resource()), sample.resource())).isEmpty();
    }

    private static List<String> violations(CrdSchema crd, JsonNode resource) {
        return violations(crd, resource, null);
    }

    private static List<String> violations(CrdSchema crd, JsonNode resource, JsonNode old) {
        return CelRules.evaluate(rulesOf(crd, resource), crd.decode(resource), old == null ? null : crd.decode(old))
                .stream()
                .map(v -> v.error().toString())
                .toList();
    }

    private static List<CelRules.Rule> rulesOf(CrdSchema crd, JsonNode resource) {
        return CelRules.find(crd.openApiSchemaFor(resource));
    }

    private static CrdSchema crdOf(JsonNode resource) {
        return CrdFiles.committedCrds().stream()
                .map(CrdSchema::of)
                .filter(crd -> crd.describes(resource))
                .findFirst()
                .orElseGet(() -> fail("no CRD in crds/ for %s %s", resource.path("apiVersion"), resource.path("kind")));
    }

    private static Path fixtureDir() {
        try {
            return Path.of(CrdCelRulesTest.class.getResource("/crd/cel").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
