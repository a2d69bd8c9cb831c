package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.SchemaAcceptance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The resource actions in config/argocd/regionguard.dev/<Kind>/actions/ against their upstream-format
 * action_test.yaml (what argo-cd's TestLuaResourceActionsScript does), plus the checks upstream lacks: every
 * object an action returns or creates is one the API server accepts, and a created RegionFailover is the one
 * the on-call runbook creates with kubectl.
 */
class ArgoCdActionsTest {
    private static final Path GROUP_DIR = Repo.ARGOCD.resolve("regionguard.dev");
    private static final List<String> KINDS = List.of("EventNotificationsProtection", "CodeEngineProtection");
    private static final List<String> ACTIONS = List.of("failover", "pause", "plan", "relocate", "resume");
    private static final List<String> CREATING = List.of("failover", "relocate", "plan");
    private static final Path EN_ACTIONS = GROUP_DIR.resolve("EventNotificationsProtection/actions");

    @TestFactory
    Stream<DynamicTest> everyDiscoveryTestCasePasses() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : KINDS) {
            Path dir = GROUP_DIR.resolve(kind).resolve("actions");
            String script = Repo.read(dir.resolve("discovery.lua"));
            for (JsonNode testCase : testFile(dir).path("discoveryTests")) {
                String input = testCase.path("inputPath").asText();
                tests.add(dynamicTest(kind + " discovery " + input, () -> {
                    List<JsonNode> expected = new ArrayList<>();
                    testCase.path("result").forEach(expected::add);
                    expected.sort(Comparator.comparing(a -> a.path("name").asText()));
                    assertThat(LuaActions.discover(script, yaml(dir.resolve(input))))
                            .containsExactlyElementsOf(expected);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyActionTestCasePasses() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : KINDS) {
            Path dir = GROUP_DIR.resolve(kind).resolve("actions");
            for (JsonNode testCase : testFile(dir).path("actionTests")) {
                String action = testCase.path("action").asText();
                String input = testCase.path("inputPath").asText();
                tests.add(dynamicTest(kind + " " + action + " " + input, () -> {
                    String script = Repo.read(dir.resolve(action).resolve("action.lua"));
                    JsonNode source = yaml(dir.resolve(input));
                    Map<String, String> params = params(testCase);
                    String error = testCase.path("expectedErrorMessage").asText("");
                    if (!error.isEmpty()) {
                        assertThatThrownBy(() -> LuaActions.run(script, source, params))
                                .isInstanceOf(IllegalArgumentException.class)
                                .hasMessage(error);
                        return;
                    }
                    List<LuaActions.Impacted> actual = LuaActions.run(script, source, params);
                    assertThat(actual.stream()
                                    .map(ArgoCdActionsTest::normalised)
                                    .toList())
                            .containsExactlyElementsOf(expectedOutput(dir.resolve(
                                    testCase.path("expectedOutputPath").asText())));
                    for (LuaActions.Impacted impacted : actual) {
                        if (impacted.operation().equals("patch")) {
                            // Argo CD patches only the source object.
                            assertThat(impacted.resource().path("kind")).isEqualTo(source.path("kind"));
                            assertThat(impacted.resource().at("/metadata/name")).isEqualTo(source.at("/metadata/name"));
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** An object the API server refuses fails the action in Argo CD, after the on-call engineer clicked. */
    @TestFactory
    Stream<DynamicTest> everyObjectAnActionReturnsOrCreatesIsOneTheApiServerAccepts() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : KINDS) {
            Path dir = GROUP_DIR.resolve(kind).resolve("actions");
            for (Path file : Repo.list(dir.resolve("testdata"), Repo::isYaml)) {
                tests.add(dynamicTest(kind + " testdata " + file.getFileName(), () -> {
                    for (JsonNode object : expectedObjects(file)) {
                        assertThat(SchemaAcceptance.problems(object)).isEmpty();
                    }
                }));
            }
            for (JsonNode testCase : testFile(dir).path("actionTests")) {
                if (testCase.hasNonNull("expectedErrorMessage")) {
                    continue;
                }
                String action = testCase.path("action").asText();
                tests.add(dynamicTest(kind + " returned by " + action + " " + testCase.path("inputPath"), () -> {
                    String script = Repo.read(dir.resolve(action).resolve("action.lua"));
                    JsonNode source =
                            yaml(dir.resolve(testCase.path("inputPath").asText()));
                    for (LuaActions.Impacted impacted : LuaActions.run(script, source, params(testCase))) {
                        assertThat(SchemaAcceptance.problems(impacted.resource()))
                                .isEmpty();
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void bothProtectionKindsShareTheScriptsAndDiscoveryNamesEveryDefinedAction() throws Exception {
        Path ce = GROUP_DIR.resolve("CodeEngineProtection/actions");
        assertThat(Repo.read(ce.resolve("discovery.lua"))).isEqualTo(Repo.read(EN_ACTIONS.resolve("discovery.lua")));
        for (String kind : KINDS) {
            Path dir = GROUP_DIR.resolve(kind).resolve("actions");
            Set<String> defined = new TreeSet<>();
            try (Stream<Path> dirs = Files.list(dir)) {
                dirs.filter(d -> Files.isRegularFile(d.resolve("action.lua")))
                        .forEach(d -> defined.add(d.getFileName().toString()));
            }
            assertThat(defined).as(kind).containsExactlyElementsOf(ACTIONS);
            assertThat(LuaActions.discover(
                            Repo.read(dir.resolve("discovery.lua")), yaml(dir.resolve("testdata/protection.yaml"))))
                    .extracting(a -> a.path("name").asText())
                    .containsExactlyElementsOf(ACTIONS);
            for (String action : ACTIONS) {
                assertThat(Repo.read(dir.resolve(action).resolve("action.lua")))
                        .as(kind + " " + action)
                        .isEqualTo(Repo.read(EN_ACTIONS.resolve(action).resolve("action.lua")));
            }
        }
    }

    @Test
    void theCreatingActionsDifferOnlyInTheirFirstLine() {
        List<String> bodies = CREATING.stream()
                .map(a -> Repo.read(EN_ACTIONS.resolve(a).resolve("action.lua")))
                .map(s -> s.substring(s.indexOf('\n')))
                .distinct()
                .toList();
        assertThat(bodies).hasSize(1);
    }

    /** The runbook's kubectl create and the Argo CD action must lead to the same failover. */
    @Test
    void theCreatedRegionFailoverIsTheOneTheRunbookCreates() {
        JsonNode sample = HelmRender.tree(
                Repo.read(Repo.ROOT.resolve("config/samples/failover/orders-notifications-failover.yaml")));
        ObjectNode protection = (ObjectNode) yaml(EN_ACTIONS.resolve("testdata/protection.yaml"));
        ((ObjectNode) protection.get("metadata"))
                .put("namespace", sample.at("/metadata/namespace").asText());
        ((ObjectNode) protection.at("/spec/standbys/0"))
                .put("region", sample.at("/spec/targetRegion").asText());

        List<LuaActions.Impacted> created = LuaActions.run(
                Repo.read(EN_ACTIONS.resolve("failover/action.lua")),
                protection,
                Map.of(
                        "targetRegion",
                        sample.at("/spec/targetRegion").asText(),
                        "reason",
                        sample.at("/spec/reason").asText()));

        assertThat(created).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo("create");
            assertThat(c.resource().path("apiVersion")).isEqualTo(sample.path("apiVersion"));
            assertThat(c.resource().path("kind")).isEqualTo(sample.path("kind"));
            assertThat(c.resource().at("/metadata/namespace")).isEqualTo(sample.at("/metadata/namespace"));
            assertThat(c.resource().path("spec")).isEqualTo(sample.path("spec"));
            // Nothing else: no labels that would put it into the Application and let auto-prune abort it.
            assertThat(c.resource().path("metadata").size()).isEqualTo(2);
        });
    }

    /** Argo CD before 3.1 has no action parameters: the operator then picks the target, as the API documents. */
    @Test
    void withoutActionParametersTheOperatorPicksTheTarget() {
        JsonNode protection = yaml(EN_ACTIONS.resolve("testdata/protection.yaml"));
        for (String action : CREATING) {
            JsonNode failover = LuaActions.run(
                            Repo.read(EN_ACTIONS.resolve(action).resolve("action.lua")), protection, null)
                    .get(0)
                    .resource();
            assertThat(failover.at("/spec/targetRegion").isMissingNode())
                    .as(action)
                    .isTrue();
            assertThat(failover.at("/spec/reason").asText()).endsWith(" requested from the Argo CD UI");
            assertThat(SchemaAcceptance.problems(failover)).isEmpty();
        }
    }

    /** Argo CD reads resource.customizations.actions.<group_Kind> as YAML: {discovery.lua, definitions}. */
    @Test
    void argocdCmFragmentHoldsEveryActionInArgoCdsFormat() {
        JsonNode data = HelmRender.tree(DeployArtifacts.argocdCm(Repo.ARGOCD)).path("data");
        for (String kind : KINDS) {
            Path dir = GROUP_DIR.resolve(kind).resolve("actions");
            JsonNode actions = HelmRender.tree(data.path("resource.customizations.actions.regionguard.dev_" + kind)
                    .asText());
            assertThat(actions.path("discovery.lua").asText()).isEqualTo(Repo.read(dir.resolve("discovery.lua")));
            assertThat(actions.path("definitions"))
                    .extracting(d -> d.path("name").asText())
                    .containsExactlyElementsOf(ACTIONS);
            for (JsonNode definition : actions.path("definitions")) {
                assertThat(definition.path("action.lua").asText())
                        .isEqualTo(Repo.read(
                                dir.resolve(definition.path("name").asText()).resolve("action.lua")));
                assertThat(definition.size()).isEqualTo(2);
            }
            assertThat(actions.size()).isEqualTo(2);
        }
    }

    private static JsonNode testFile(Path actionsDir) {
        return HelmRender.tree(Repo.read(actionsDir.resolve("action_test.yaml")));
    }

    private static JsonNode yaml(Path file) {
        return HelmRender.tree(Repo.read(file));
    }

    private static Map<String, String> params(JsonNode testCase) {
        Map<String, String> params = new LinkedHashMap<>();
        testCase.path("parameters")
                .properties()
                .forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        return params;
    }

    /** Upstream's expected output: a list of {k8sOperation, unstructuredObj}, or one object for a patch. */
    private static List<LuaActions.Impacted> expectedOutput(Path file) {
        JsonNode expected = yaml(file);
        if (!expected.isArray()) {
            return List.of(normalised(new LuaActions.Impacted("patch", expected)));
        }
        List<LuaActions.Impacted> list = new ArrayList<>();
        expected.forEach(
                e -> list.add(new LuaActions.Impacted(e.path("k8sOperation").asText(), e.path("unstructuredObj"))));
        return list;
    }

    private static List<JsonNode> expectedObjects(Path file) {
        return expectedOutput(file).stream().map(LuaActions.Impacted::resource).toList();
    }

    /** The API server drops an emptied annotations map; so does the comparison. */
    private static LuaActions.Impacted normalised(LuaActions.Impacted impacted) {
        JsonNode resource = impacted.resource().deepCopy();
        if (resource.at("/metadata/annotations").isEmpty()
                && resource.path("metadata").isObject()) {
            ((ObjectNode) resource.get("metadata")).remove("annotations");
        }
        return new LuaActions.Impacted(impacted.operation(), resource);
    }
}
