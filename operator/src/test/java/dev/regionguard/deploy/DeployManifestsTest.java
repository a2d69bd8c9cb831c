package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated files under deploy/ match their sources: the chart's crds/ match the top-level
 * crds/, deploy/manifests/ and deploy/prometheus/ match a fresh render of the chart, deploy/grafana/
 * is the chart's dashboard file. With
 * -Dregionguard.updateManifests=true the files are rewritten instead (see Repo.REGENERATE).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployManifestsTest {

    // The chart's crds/ feed the manifests, so they are brought up to date first.
    @Test
    @Order(1)
    void chartCrdsAreTheTopLevelCrdsWithAnnotations() {
        Repo.checkOrUpdate(Repo.CHART.resolve("crds"), DeployArtifacts.chartCrds(Repo.CRDS), Repo::isYaml);
    }

    @Test
    @Order(2)
    void manifestsEqualAFreshRenderOfTheChartDefaults() {
        Map<String, String> crds = DeployArtifacts.chartCrds(Repo.CRDS);
        Repo.checkOrUpdate(Repo.MANIFESTS, DeployArtifacts.manifests(HelmRender.render(null), crds), Repo::isYaml);
    }

    @Test
    @Order(3)
    void alertsFileEqualsTheChartsPrometheusRule() {
        Repo.checkOrUpdate(Repo.ALERTS, DeployArtifacts.alerts(HelmRender.render("prometheus-rule.yaml")));
    }

    /** deploy/grafana/ carries the chart's dashboard file, for importing into Grafana by hand. */
    @Test
    @Order(3)
    void dashboardFileEqualsTheChartsDashboard() {
        Repo.checkOrUpdate(Dashboard.COPY, Repo.read(Dashboard.SOURCE));
    }

    @Test
    @Order(4)
    void manifestsAreNumberedInApplyOrder() {
        List<String> names = Repo.list(Repo.MANIFESTS, Repo::isYaml).stream()
                .map(p -> p.getFileName().toString())
                .toList();

        assertThat(names)
                .isSorted()
                .contains(
                        "000-Namespace.yaml",
                        "020-ServiceAccount.yaml",
                        "060-Deployment.yaml",
                        "030-ClusterRole-regionguard-operator.yaml",
                        "040-Role-regionguard-leader-election.yaml",
                        "090-ClusterRole-regionguard-failover-operator.yaml");
        // kubectl apply -f dir/ goes in file-name order: the namespace and CRDs before what uses them.
        assertThat(names.indexOf("000-Namespace.yaml")).isZero();
        assertThat(names)
                .filteredOn(n -> n.startsWith("010-Crd-"))
                .allSatisfy(n -> assertThat(n).isLessThan("020-ServiceAccount.yaml"));
        for (String name : names) {
            JsonNode doc = HelmRender.tree(Repo.read(Repo.MANIFESTS.resolve(name)));
            assertThat(name)
                    .as("file named after its kind")
                    .contains("-" + kindInFileName(doc.path("kind").asText()));
        }
    }

    @Test
    void crdPipelineAnnotatesEveryGeneratedCrdAndCarriesItIntoTheManifests(@TempDir Path tmp) throws IOException {
        // The operator build generates CRDs from the Java types; run them through the same steps as crds/.
        Path generated = Path.of(System.getProperty("regionguard.generatedCrdDir", "target/classes/META-INF/fabric8"));
        assumeTrue(Files.isDirectory(generated), "no generated CRDs at " + generated);
        Path source = Files.createDirectories(tmp.resolve("crds"));
        for (Path crd : Repo.list(generated, p -> p.getFileName().toString().endsWith("-v1.yml"))) {
            Files.copy(crd, source.resolve(crd.getFileName()));
        }
        assumeTrue(!Repo.list(source, Repo::isYaml).isEmpty(), "the build generated no CRDs");

        Map<String, String> chartCrds = DeployArtifacts.chartCrds(source);
        Map<String, String> manifests = DeployArtifacts.manifests(HelmRender.render(null), chartCrds);

        assertThat(chartCrds.keySet())
                .containsExactlyInAnyOrderElementsOf(Repo.list(source, Repo::isYaml).stream()
                        .map(p -> p.getFileName().toString())
                        .toList());
        for (Map.Entry<String, String> e : chartCrds.entrySet()) {
            JsonNode original = HelmRender.tree(Repo.read(source.resolve(e.getKey())));
            JsonNode copy = HelmRender.tree(e.getValue());
            // Only the annotations are added; the rest round-trips through the YAML writer unchanged.
            assertThat(copy).isEqualTo(DeployArtifacts.annotate(original));
            assertThat(copy.at("/metadata/annotations/helm.sh~1resource-policy").asText())
                    .isEqualTo("keep");
            assertThat(copy.at("/metadata/annotations/argocd.argoproj.io~1sync-options")
                            .asText())
                    .contains("Prune=false")
                    .contains("ServerSideApply=true");
            String plural = copy.at("/spec/names/plural").asText();
            assertThat(manifests).containsKey("010-Crd-" + plural + ".yaml");
            assertThat(HelmRender.tree(manifests.get("010-Crd-" + plural + ".yaml")))
                    .isEqualTo(copy);
        }
    }

    @Test
    void helmLoadsTheCrdsDirectoryOnlyFromGeneratedFiles() throws IOException {
        // Anything hand-written in the chart's crds/ would be installed by Helm but never checked.
        try (Stream<Path> files = Files.list(Repo.CHART.resolve("crds"))) {
            List<String> other = new ArrayList<>();
            files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("README.md"))
                    .filter(n -> !DeployArtifacts.chartCrds(Repo.CRDS).containsKey(n))
                    .forEach(other::add);
            assertThat(other).isEmpty();
        }
    }

    private static String kindInFileName(String kind) {
        return kind.equals("CustomResourceDefinition") ? "Crd" : kind;
    }
}
