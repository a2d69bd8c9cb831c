package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.SchemaAcceptance;
import java.io.IOException;
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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The health checks in config/argocd/regionguard.dev/<Kind>/ against their upstream-format
 * health_test.yaml (what argo-cd's TestLuaHealthScript does), plus the generated argocd-cm
 * fragment and the example Applications.
 */
class ArgoCdHealthTest {
    private static final Path GROUP_DIR = Repo.ARGOCD.resolve("regionguard.dev");
    private static final List<String> KINDS =
            List.of("EventNotificationsProtection", "CodeEngineProtection", "RegionFailover");
    private static final Set<String> ARGO_STATUSES =
            Set.of("Healthy", "Progressing", "Degraded", "Suspended", "Missing", "Unknown");

    @TestFactory
    Stream<DynamicTest> everyHealthTestCasePasses() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : KINDS) {
            Path dir = GROUP_DIR.resolve(kind);
            String script = Repo.read(dir.resolve("health.lua"));
            for (JsonNode testCase :
                    HelmRender.tree(Repo.read(dir.resolve("health_test.yaml"))).path("tests")) {
                String input = testCase.path("inputPath").asText();
                String status = testCase.at("/healthStatus/status").asText();
                String message = testCase.at("/healthStatus/message").asText("");
                tests.add(dynamicTest(kind + " " + input, () -> {
                    LuaHealth.Result result = LuaHealth.run(script, HelmRender.tree(Repo.read(dir.resolve(input))));
                    assertThat(result).isEqualTo(new LuaHealth.Result(status, message));
                }));
            }
        }
        return tests.stream();
    }

    /** Test data the API server would refuse proves nothing about objects Argo CD really sees. */
    @TestFactory
    Stream<DynamicTest> everyTestObjectIsOneTheApiServerAccepts() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : KINDS) {
            for (Path file : Repo.list(GROUP_DIR.resolve(kind).resolve("testdata"), Repo::isYaml)) {
                tests.add(dynamicTest(kind + " " + file.getFileName(), () -> {
                    JsonNode object = HelmRender.tree(Repo.read(file));
                    assertThat(object.path("kind").asText()).isEqualTo(kind);
                    List<String> problems = SchemaAcceptance.problems(object);
                    if (file.getFileName().toString().startsWith("unknown_unrecognised")) {
                        // a phase of a newer operator, which this CRD cannot know: the only allowed problem
                        assertThat(problems).singleElement().asString().startsWith("status.phase:");
                    } else {
                        assertThat(problems).isEmpty();
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void testDataFollowsTheUpstreamConventions() {
        for (String kind : KINDS) {
            Path dir = GROUP_DIR.resolve(kind);
            Set<String> referenced = new HashSet<>();
            for (JsonNode testCase :
                    HelmRender.tree(Repo.read(dir.resolve("health_test.yaml"))).path("tests")) {
                String input = testCase.path("inputPath").asText();
                referenced.add(input);
                // Files are named <status>_<scenario>.yaml after the status they produce.
                String expected = testCase.at("/healthStatus/status").asText().toLowerCase();
                assertThat(Path.of(input).getFileName().toString())
                        .as(kind + " " + input)
                        .startsWith(expected + "_");
                assertThat(ARGO_STATUSES)
                        .contains(testCase.at("/healthStatus/status").asText());
            }
            for (Path file : Repo.list(dir.resolve("testdata"), Repo::isYaml)) {
                String input = "testdata/" + file.getFileName();
                assertThat(referenced)
                        .as("%s/%s is used by a test case", kind, input)
                        .contains(input);
                JsonNode object = HelmRender.tree(Repo.read(file));
                // Full manifests as kubectl get -o yaml prints them.
                assertThat(object.path("apiVersion").asText()).isEqualTo("regionguard.dev/v1alpha1");
                assertThat(object.path("kind").asText()).isEqualTo(kind);
                assertThat(object.at("/metadata/name").asText()).isNotEmpty();
                assertThat(object.at("/metadata/generation").isInt()).as(input).isTrue();
            }
        }
    }

    @Test
    void bothProtectionKindsShareOneScript() {
        assertThat(Repo.read(GROUP_DIR.resolve("CodeEngineProtection/health.lua")))
                .isEqualTo(Repo.read(GROUP_DIR.resolve("EventNotificationsProtection/health.lua")));
    }

    @Test
    void objectsWithoutGenerationOrWithAnUnknownConditionStatusStillGetAnAnswer() {
        String protection = Repo.read(GROUP_DIR.resolve("EventNotificationsProtection/health.lua"));
        ObjectNode noGeneration = (ObjectNode) HelmRender.tree("""
                apiVersion: regionguard.dev/v1alpha1
                kind: EventNotificationsProtection
                metadata: {name: x, namespace: y}
                """);
        assertThat(LuaHealth.run(protection, noGeneration))
                .isEqualTo(new LuaHealth.Result("Progressing", "Waiting for the operator to report status"));

        JsonNode readyUnknown = HelmRender.tree("""
                metadata: {name: x, generation: 2}
                status:
                  observedGeneration: 2
                  conditions:
                  - {type: Ready, status: Unknown, reason: Syncing, message: first pass running}
                """);
        assertThat(LuaHealth.run(protection, readyUnknown))
                .isEqualTo(new LuaHealth.Result("Progressing", "Syncing: first pass running"));
    }

    @Test
    void reasonsTheScriptsRelyOnAreStillProducedByTheOperator() throws IOException {
        String script = Repo.read(GROUP_DIR.resolve("EventNotificationsProtection/health.lua"));
        Matcher table = Pattern.compile("local transientReasons = \\{(.*?)}", Pattern.DOTALL)
                .matcher(script);
        assertThat(table.find()).isTrue();
        List<String> reasons = new ArrayList<>(Pattern.compile("(\\w+) = true")
                .matcher(table.group(1))
                .results()
                .map(m -> m.group(1))
                .toList());
        reasons.add("InvalidSpec");
        assertThat(reasons).contains("StandbyUnreachable");

        String javaSources;
        try (Stream<Path> files = Files.walk(Repo.ROOT.resolve("operator/src/main/java"))) {
            StringBuilder all = new StringBuilder();
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> all.append(Repo.read(p)));
            javaSources = all.toString();
        }
        for (String reason : reasons) {
            assertThat(javaSources)
                    .as("reason %s in operator/src/main/java", reason)
                    .contains('"' + reason + '"');
        }
    }

    @Test
    void argocdCmFragmentHoldsEveryScript() {
        String generated = DeployArtifacts.argocdCm(Repo.ARGOCD);
        // The literal blocks must give back the scripts byte for byte once parsed.
        JsonNode data = HelmRender.tree(generated).path("data");
        for (String kind : KINDS) {
            assertThat(data.path("resource.customizations.health.regionguard.dev_" + kind)
                            .asText())
                    .isEqualTo(Repo.read(GROUP_DIR.resolve(kind).resolve("health.lua")));
        }
        // The rest are the protections' actions (ArgoCdActionsTest checks them).
        assertThat(data.size()).isEqualTo(KINDS.size() + 2);
        Repo.checkOrUpdate(Repo.ARGOCD.resolve("argocd-cm-health.yaml"), generated);
    }

    @Test
    void exampleApplicationsOrderCrdsThenOperatorThenProtectionsAndIgnoreStatus() {
        List<JsonNode> apps = DeployArtifacts.readAll(Repo.read(Repo.ARGOCD.resolve("application.yaml")));
        Map<String, JsonNode> byName = new java.util.TreeMap<>();
        apps.forEach(a -> byName.put(a.at("/metadata/name").asText(), a));
        assertThat(apps).allSatisfy(a -> assertThat(a.path("kind").asText()).isEqualTo("Application"));
        assertThat(byName).containsOnlyKeys("regionguard-crds", "regionguard-operator", "regionguard-protections");

        JsonNode crds = byName.get("regionguard-crds");
        JsonNode operator = byName.get("regionguard-operator");
        JsonNode protections = byName.get("regionguard-protections");
        assertThat(wave(crds)).isLessThan(wave(operator));
        assertThat(wave(operator)).isLessThan(wave(protections));

        assertThat(syncOptions(crds)).contains("ServerSideApply=true");
        assertThat(crds.at("/spec/syncPolicy/automated/prune").asBoolean(true)).isFalse();
        assertThat(crds.at("/spec/source/path").asText()).isEqualTo("deploy/helm/regionguard/crds");
        // The operator's chart must not bring the CRDs a second time.
        assertThat(operator.at("/spec/source/path").asText()).isEqualTo("deploy/helm/regionguard");
        assertThat(operator.at("/spec/source/helm/skipCrds").asBoolean()).isTrue();

        assertThat(syncOptions(protections))
                .contains("RespectIgnoreDifferences=true", "SkipDryRunOnMissingResource=true");
        Set<String> ignoredKinds = new HashSet<>();
        for (JsonNode ignore : protections.at("/spec/ignoreDifferences")) {
            assertThat(ignore.path("group").asText()).isEqualTo("regionguard.dev");
            assertThat(ignore.path("jsonPointers").toString()).contains("\"/status\"");
            ignoredKinds.add(ignore.path("kind").asText());
        }
        assertThat(ignoredKinds).containsExactlyInAnyOrderElementsOf(KINDS);
    }

    private static int wave(JsonNode app) {
        return Integer.parseInt(
                app.at("/metadata/annotations/argocd.argoproj.io~1sync-wave").asText("0"));
    }

    private static List<String> syncOptions(JsonNode app) {
        List<String> options = new ArrayList<>();
        app.at("/spec/syncPolicy/syncOptions").forEach(o -> options.add(o.asText()));
        return options;
    }
}
