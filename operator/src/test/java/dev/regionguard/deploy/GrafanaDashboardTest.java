package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard is one Grafana can import: a title, a uid, a schema version, panels laid
 * out on the 24-column grid, each querying the ${datasource} variable; the chart ships the same
 * file in an optional ConfigMap for Grafana's sidecar. Its metric names are checked against a
 * running operator in {@link GrafanaDashboardMetricsTest}.
 */
class GrafanaDashboardTest {
    private static final Set<String> PANEL_TYPES =
            Set.of("stat", "timeseries", "state-timeline", "bargauge", "table", "gauge");
    private static final String DATASOURCE = "${datasource}";

    private final JsonNode dashboard = Dashboard.read();

    @Test
    void isADashboardWithTitleUidSchemaVersionAndPanels() {
        assertThat(dashboard.path("title").asText()).isEqualTo("RegionGuard");
        // Grafana limits a uid to 40 characters; a fixed uid keeps links stable across imports.
        assertThat(dashboard.path("uid").asText()).matches("[a-z0-9-]{1,40}");
        assertThat(dashboard.path("schemaVersion").isInt()).isTrue();
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(10);
        assertThat(dashboard.has("id")).as("no instance-specific id").isFalse();
    }

    @Test
    void everyPanelHasATypeAGridPositionAndQueriesOnTheDatasourceVariable() {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertThat(title).isNotBlank();
            assertThat(ids.add(panel.path("id").asInt()))
                    .as("unique id of " + title)
                    .isTrue();
            assertThat(panel.path("type").asText()).as(title).isIn(PANEL_TYPES);
            JsonNode grid = panel.path("gridPos");
            for (String field : List.of("h", "w", "x", "y")) {
                assertThat(grid.path(field).isInt())
                        .as(title + " gridPos." + field)
                        .isTrue();
            }
            assertThat(grid.path("w").asInt()).as(title).isPositive();
            assertThat(grid.path("h").asInt()).as(title).isPositive();
            assertThat(grid.path("x").asInt() + grid.path("w").asInt())
                    .as(title)
                    .isLessThanOrEqualTo(24);
            assertThat(panel.path("targets").size()).as(title).isPositive();
            assertThat(panel.at("/datasource/uid").asText()).as(title).isEqualTo(DATASOURCE);
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as(title).isNotBlank();
                assertThat(refIds.add(target.path("refId").asText()))
                        .as(title + " refId")
                        .isTrue();
                assertThat(target.at("/datasource/type").asText()).as(title).isEqualTo("prometheus");
                assertThat(target.at("/datasource/uid").asText()).as(title).isEqualTo(DATASOURCE);
            }
        }
    }

    @Test
    void panelsDoNotOverlap() {
        List<JsonNode> panels = StreamSupport.stream(dashboard.path("panels").spliterator(), false)
                .toList();
        for (int i = 0; i < panels.size(); i++) {
            for (int j = i + 1; j < panels.size(); j++) {
                assertThat(overlap(panels.get(i).path("gridPos"), panels.get(j).path("gridPos")))
                        .as(panels.get(i).path("title").asText() + " / "
                                + panels.get(j).path("title").asText())
                        .isFalse();
            }
        }
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
    }

    @Test
    void variablesPickThePrometheusDatasourceThenNamespaceThenProtection() {
        JsonNode variables = dashboard.at("/templating/list");
        assertThat(variables)
                .extracting(v -> v.path("name").asText())
                .containsExactly("datasource", "namespace", "protection");
        assertThat(variables.get(0).path("type").asText()).isEqualTo("datasource");
        assertThat(variables.get(0).path("query").asText()).isEqualTo("prometheus");
        assertThat(variables.get(1).at("/query/query").asText())
                .isEqualTo("label_values(regionguard_sync_interval_seconds, namespace)");
        // A protection is the metrics' name label, narrowed to the chosen namespaces.
        assertThat(variables.get(2).at("/query/query").asText())
                .isEqualTo("label_values(regionguard_sync_interval_seconds{namespace=~\"$namespace\"}, name)");
        for (JsonNode variable : List.of(variables.get(1), variables.get(2))) {
            assertThat(variable.at("/datasource/uid").asText()).isEqualTo(DATASOURCE);
            assertThat(variable.path("includeAll").asBoolean()).isTrue();
            assertThat(variable.path("allValue").asText()).isEqualTo(".*");
        }
    }

    @Test
    void chartShipsTheSameFileInAConfigMapForTheGrafanaSidecar() {
        ConfigMap cm = HelmRender.render("grafana-dashboard.yaml").one(ConfigMap.class);

        assertThat(cm.getMetadata().getName()).isEqualTo("regionguard-dashboard");
        assertThat(cm.getMetadata().getNamespace()).isEqualTo("monitoring");
        assertThat(cm.getMetadata().getLabels())
                .containsEntry("grafana_dashboard", "1")
                .containsEntry("app.kubernetes.io/component", "dashboard");
        assertThat(cm.getMetadata().getAnnotations()).containsEntry("grafana_folder", "RegionGuard");
        assertThat(cm.getData()).containsOnlyKeys("regionguard-dashboard.json");
        assertThat(Dashboard.parse(cm.getData().get("regionguard-dashboard.json")))
                .isEqualTo(dashboard);
        assertThat(cm.getData().get("regionguard-dashboard.json"))
                .isEqualTo(Repo.read(Dashboard.SOURCE).stripTrailing());
    }

    @Test
    void chartRendersNoDashboardByDefault() {
        assertThat(HelmRender.render(null).kinds()).doesNotContain("ConfigMap");
    }

    @Test
    void metricNamesAreReadFromPromQlWithoutFunctionsLabelsOrVariables() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le, controller) "
                        + "(rate(operator_sdk_x_seconds_bucket{a=\"b\", c!~\"2..\"}[$__rate_interval])))"))
                .containsExactly("operator_sdk_x_seconds_bucket");
        assertThat(PromQl.metricNames("time() - max by (namespace) (a_timestamp{n=~\"$namespace\"}) "
                        + "> 3 * max without (region) (b_interval) or vector(0) unless on(name) c offset 5m"))
                .containsExactly("a_timestamp", "b_interval", "c");
        assertThat(PromQl.metricNames("label_values(d_seconds{namespace=~\"$namespace\"}, name)"))
                .containsExactly("d_seconds");
    }

    @Test
    void aMisspelledMetricIsReportedWithItsPanel() {
        Map<String, String> queries = Map.of(
                "RPO / A", "max by (region) (regionguard_standby_seconds_since_last_synk{name=~\"$protection\"})",
                "Calls / A", "sum(rate(regionguard_ibm_api_calls_total[5m]))");
        Set<String> exported = Set.of("regionguard_standby_seconds_since_last_sync", "regionguard_ibm_api_calls_total");

        assertThat(Dashboard.unknownMetrics(queries, exported))
                .containsExactly("RPO / A: regionguard_standby_seconds_since_last_synk");
    }
}
