package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The alerts the chart ships (and deploy/prometheus/ carries) against the operator's metrics contract. */
class PrometheusRulesTest {
    /** The metrics the Java side exports, with their labels. */
    private static final Map<String, Set<String>> METRICS = Map.ofEntries(
            Map.entry("regionguard_standby_seconds_since_last_sync", Set.of("namespace", "name", "kind", "region")),
            Map.entry("regionguard_sync_interval_seconds", Set.of("namespace", "name", "kind")),
            Map.entry("regionguard_standby_ready", Set.of("namespace", "name", "kind", "region")),
            Map.entry("regionguard_region_healthy", Set.of("namespace", "name", "kind", "region")),
            Map.entry("regionguard_credentials_valid", Set.of("namespace", "name", "kind")),
            Map.entry("regionguard_entities_out_of_sync", Set.of("namespace", "name", "kind", "region")),
            Map.entry("regionguard_failovers_total", Set.of("namespace", "name", "kind", "type", "result")),
            Map.entry("regionguard_failover_in_progress", Set.of("namespace", "name", "kind")),
            Map.entry("regionguard_failover_phase_seconds", Set.of("namespace", "name", "kind")),
            Map.entry("regionguard_last_failover_duration_seconds", Set.of("namespace", "name", "kind")),
            Map.entry("regionguard_ibm_api_calls_total", Set.of("service", "region", "status")));

    private static final Pattern AGGREGATION =
            Pattern.compile("(?:max|min|sum) by \\(([^)]*)\\) \\((?:increase\\()?(\\w+)");

    private final Map<String, JsonNode> alerts = alerts();

    private static Map<String, JsonNode> alerts() {
        JsonNode rule = HelmRender.render("prometheus-rule.yaml")
                .ofKind("PrometheusRule")
                .get(0)
                .tree();
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode group : rule.at("/spec/groups")) {
            for (JsonNode alert : group.path("rules")) {
                byName.put(alert.path("alert").asText(), alert);
            }
        }
        return byName;
    }

    @Test
    void shipsTheAgreedAlertsWithSeverities() {
        assertThat(alerts.keySet())
                .containsExactly(
                        "RegionGuardStandbyRPOHigh",
                        "RegionGuardStandbyRPOCritical",
                        "RegionGuardRegionUnhealthy",
                        "RegionGuardStandbyNotReady",
                        "RegionGuardFailoverFailed",
                        "RegionGuardFailoverStuck",
                        "RegionGuardCredentialsInvalid");
        assertThat(severity("RegionGuardStandbyRPOHigh")).isEqualTo("warning");
        assertThat(severity("RegionGuardStandbyRPOCritical")).isEqualTo("critical");
        assertThat(severity("RegionGuardFailoverFailed")).isEqualTo("critical");
        assertThat(severity("RegionGuardFailoverStuck")).isEqualTo("critical");
        assertThat(alerts.values())
                .allSatisfy(a -> assertThat(a.at("/labels/severity").asText()).isIn("warning", "critical"));
    }

    @Test
    void rpoAlertsFireAtTwoAndThreeSyncIntervals() {
        assertThat(expr("RegionGuardStandbyRPOHigh"))
                .contains("regionguard_standby_seconds_since_last_sync")
                .contains("2 * max by (namespace, name, kind) (regionguard_sync_interval_seconds)");
        assertThat(expr("RegionGuardStandbyRPOCritical"))
                .contains("3 * max by (namespace, name, kind) (regionguard_sync_interval_seconds)");
    }

    @Test
    void slowConditionsWaitFifteenMinutes() {
        assertThat(alerts.get("RegionGuardStandbyNotReady").path("for").asText())
                .isEqualTo("15m");
        assertThat(alerts.get("RegionGuardFailoverStuck").path("for").asText()).isEqualTo("15m");
        assertThat(expr("RegionGuardFailoverStuck")).contains("regionguard_failover_in_progress) == 1");
        assertThat(expr("RegionGuardFailoverFailed")).contains("regionguard_failovers_total{result=\"failed\"}");
        assertThat(expr("RegionGuardRegionUnhealthy")).contains("regionguard_region_healthy) == 0");
    }

    @Test
    void expressionsUseOnlyContractMetricsAndTheirLabels() {
        for (Map.Entry<String, JsonNode> alert : alerts.entrySet()) {
            String expr = alert.getValue().path("expr").asText();
            Matcher metric = Pattern.compile("regionguard_\\w+").matcher(expr);
            while (metric.find()) {
                assertThat(METRICS).as(alert.getKey()).containsKey(metric.group());
            }
            Matcher aggregation = AGGREGATION.matcher(expr);
            int found = 0;
            while (aggregation.find()) {
                found++;
                Set<String> labels = Set.of(aggregation.group(1).split(",\\s*"));
                assertThat(METRICS.get(aggregation.group(2)))
                        .as(alert.getKey() + " " + aggregation.group())
                        .containsAll(labels);
            }
            // Aggregating drops pod/instance, so a leader change does not split a series.
            assertThat(found).as(alert.getKey() + " aggregates its metrics").isPositive();
        }
    }

    @Test
    void everyAlertExplainsItselfAndLinksToARunbookThatExists() {
        String readme = Repo.read(Repo.ROOT.resolve("deploy/README.md"));
        for (Map.Entry<String, JsonNode> alert : alerts.entrySet()) {
            JsonNode annotations = alert.getValue().path("annotations");
            assertThat(annotations.path("summary").asText()).as(alert.getKey()).isNotBlank();
            assertThat(annotations.path("description").asText())
                    .as(alert.getKey())
                    .isNotBlank();
            String url = annotations.path("runbook_url").asText();
            assertThat(url)
                    .as(alert.getKey())
                    .startsWith("https://github.com/regionguard/regionguard/blob/main/deploy/README.md#runbook-");
            String anchor = url.substring(url.indexOf('#') + 1);
            assertThat(readme).as("deploy/README.md has anchor " + anchor).contains("<a id=\"" + anchor + "\"></a>");
        }
    }

    private String severity(String alert) {
        return alerts.get(alert).at("/labels/severity").asText();
    }

    private String expr(String alert) {
        return alerts.get(alert).path("expr").asText();
    }
}
