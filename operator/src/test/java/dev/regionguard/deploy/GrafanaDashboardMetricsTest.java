package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric the dashboard queries is one a real operator exports: the names are read from
 * the Prometheus exposition of an operator on the embedded API and the IBM Cloud simulator
 * after a sync, probes and a failover, not from a list kept by hand.
 */
class GrafanaDashboardMetricsTest {
    private static String exposition;

    @BeforeAll
    static void scrape() {
        exposition = ExportedMetrics.scrapeAfterSyncProbeAndFailover();
    }

    @Test
    void everyMetricInTheDashboardsQueriesIsExportedByTheOperator() {
        Map<String, String> queries = Dashboard.queries(Dashboard.read());
        Set<String> exported = ExportedMetrics.sampleNames(exposition);

        assertThat(exported).contains("regionguard_standby_seconds_since_last_sync", "regionguard_failovers_total");
        assertThat(Dashboard.unknownMetrics(queries, exported))
                .as("metrics the dashboard queries but the operator does not export")
                .isEmpty();
        assertThat(queries)
                .as("every query reads at least one metric")
                .allSatisfy((where, query) ->
                        assertThat(PromQl.metricNames(query)).as(where).isNotEmpty());
    }

    /** Per-protection metrics follow the $namespace and $protection selectors; IBM calls are global. */
    @Test
    void protectionMetricsAreFilteredByTheNamespaceAndProtectionVariables() {
        Set<String> scoped = ExportedMetrics.protectionScoped(exposition);
        assertThat(scoped).contains("regionguard_region_healthy").doesNotContain("regionguard_ibm_api_calls_total");
        JsonNode dashboard = Dashboard.read();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                for (String metric : PromQl.metricNames(expr)) {
                    if (!scoped.contains(metric)) {
                        continue;
                    }
                    Matcher selector = Pattern.compile(Pattern.quote(metric) + "\\{([^}]*)}")
                            .matcher(expr);
                    assertThat(selector.find())
                            .as(panel.path("title") + ": " + metric)
                            .isTrue();
                    assertThat(selector.group(1))
                            .as(panel.path("title") + ": " + metric)
                            .contains("namespace=~\"$namespace\"")
                            .contains("name=~\"$protection\"");
                }
            }
        }
    }
}
