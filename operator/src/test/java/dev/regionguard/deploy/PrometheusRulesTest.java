package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alerts the chart ships (and deploy/prometheus/ carries) against the operator's metrics
 * contract, and promtool's unit tests of every one of them (deploy/prometheus/*.test.yaml).
 */
class PrometheusRulesTest {
    /** The same rules as a plain Prometheus rule file, for promtool and for Prometheus without its operator. */
    static final Path RULES = Repo.ROOT.resolve("deploy/prometheus/regionguard-rules.yaml");

    static final Path RULE_TESTS = Repo.ROOT.resolve("deploy/prometheus/regionguard-rules.test.yaml");

    /** The metrics the Java side exports, with their labels. */
    private static final Map<String, Set<String>> METRICS = Map.ofEntries(
            Map.entry("regionguard_standby_seconds_since_last_sync", Set.of("namespace", "name", "kind", "region")),
            Map.entry("regionguard_sync_interval_seconds", Set.of("namespace", "name", "kind")),
            Map.entry("regionguard_standby_ready", Set.of("namespace", "name", "kind", "region")),
            Map.entry("regionguard_failover_ready", Set.of("namespace", "name", "kind")),
            Map.entry("regionguard_standby_verified", Set.of("namespace", "name", "kind", "region")),
            Map.entry("regionguard_region_healthy", Set.of("namespace", "name", "kind", "region")),
            Map.entry("regionguard_region_last_probe_timestamp_seconds", Set.of("namespace", "name", "kind", "region")),
            Map.entry("regionguard_health_check_interval_seconds", Set.of("namespace", "name", "kind")),
            Map.entry("regionguard_credentials_valid", Set.of("namespace", "name", "kind")),
            Map.entry("regionguard_entities_out_of_sync", Set.of("namespace", "name", "kind", "region")),
            Map.entry("regionguard_region_references", Set.of("namespace", "name", "kind", "region")),
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
                        "RegionGuardFailoverNotReady",
                        "RegionGuardStandbyProofFailed",
                        "RegionGuardFailoverFailed",
                        "RegionGuardFailoverStuck",
                        "RegionGuardCredentialsInvalid",
                        "RegionGuardProbesStalled",
                        "RegionGuardOperatorDown");
        assertThat(severity("RegionGuardStandbyRPOHigh")).isEqualTo("warning");
        assertThat(severity("RegionGuardStandbyRPOCritical")).isEqualTo("critical");
        assertThat(severity("RegionGuardFailoverFailed")).isEqualTo("critical");
        assertThat(severity("RegionGuardFailoverStuck")).isEqualTo("critical");
        assertThat(severity("RegionGuardProbesStalled")).isEqualTo("critical");
        assertThat(severity("RegionGuardOperatorDown")).isEqualTo("critical");
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
                if (!aggregation.group(2).startsWith("regionguard_")) {
                    continue; // up, Prometheus' own
                }
                found++;
                Set<String> labels = Set.of(aggregation.group(1).split(",\\s*"));
                assertThat(METRICS.get(aggregation.group(2)))
                        .as(alert.getKey() + " " + aggregation.group())
                        .containsAll(labels);
            }
            // Aggregating drops pod/instance, so a leader change does not split a series.
            if (expr.contains("regionguard_")) {
                assertThat(found).as(alert.getKey() + " aggregates its metrics").isPositive();
            }
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

    @Test
    void stalledProbesFireAfterThreeHealthCheckIntervals() {
        assertThat(expr("RegionGuardProbesStalled"))
                .startsWith("time() - max by (namespace, name, kind, region) "
                        + "(regionguard_region_last_probe_timestamp_seconds)")
                .contains("3 * max by (namespace, name, kind) (regionguard_health_check_interval_seconds)");
    }

    @Test
    void operatorDownWatchesTheServiceMonitorsJobInTheReleaseNamespace() {
        // The ServiceMonitor's job label is the Service's name; absent() covers "no target at all".
        String selector = "up{job=\"regionguard\", namespace=\"regionguard\"}";
        assertThat(expr("RegionGuardOperatorDown"))
                .contains("max by (job, namespace) (" + selector + ") == 0")
                .contains("absent(" + selector + ")")
                .doesNotContain("REGIONGUARD_");
        assertThat(HelmRender.render("prometheus-rule.yaml")
                        .ofKind("Service")
                        .get(0)
                        .name())
                .isEqualTo("regionguard");
    }

    /** deploy/prometheus/regionguard-rules.yaml is the PrometheusRule's spec, as a plain rule file. */
    @Test
    void plainRuleFileEqualsTheChartsRules() {
        Repo.checkOrUpdate(RULES, plainRules());
    }

    @Test
    void everyAlertHasAPromtoolUnitTest() throws IOException {
        Set<String> tested = new TreeSet<>();
        for (JsonNode test : HelmRender.YAML.readTree(RULE_TESTS.toFile()).path("tests")) {
            for (JsonNode alertTest : test.path("alert_rule_test")) {
                // a test that expects no alert proves nothing about when the alert fires
                if (!alertTest.path("exp_alerts").isEmpty()) {
                    tested.add(alertTest.path("alertname").asText());
                }
            }
        }
        assertThat(tested).containsAll(alerts.keySet());
    }

    @Test
    void promtoolAcceptsTheRulesAndPassesTheirUnitTests() throws Exception {
        Promtool promtool = Promtool.require();
        Path dir = RULES.getParent();
        Promtool.Result check =
                promtool.run(dir, "check", "rules", RULES.getFileName().toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
        Promtool.Result test =
                promtool.run(dir, "test", "rules", RULE_TESTS.getFileName().toString());
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void promtoolIsRequiredUnderCiOnly() {
        assertThat(Promtool.isCi("true")).isTrue();
        assertThat(Promtool.isCi("1")).isTrue();
        assertThat(Promtool.isCi(null)).isFalse();
        assertThat(Promtool.isCi("")).isFalse();
        assertThat(Promtool.isCi("false")).isFalse();
        assertThat(Promtool.locate(null, "/nonexistent-dir")).isEmpty();
    }

    private static String plainRules() {
        String text = HelmRender.render("prometheus-rule.yaml")
                .ofKind("PrometheusRule")
                .get(0)
                .text();
        StringBuilder out = new StringBuilder("""
                # Generated from deploy/helm/regionguard (files/prometheus-rules.yaml, the chart's defaults); do not
                # edit. Regenerate: see deploy/README.md#regenerating. The same rules as regionguard-alerts.yaml, as a
                # plain Prometheus rule file (rule_files in prometheus.yml); unit tests: regionguard-rules.test.yaml.
                """);
        boolean inSpec = false;
        for (String line : text.lines().toList()) {
            if (inSpec) {
                out.append(line.startsWith("  ") ? line.substring(2) : line).append('\n');
            }
            inSpec |= line.equals("spec:");
        }
        return out.toString();
    }

    private String severity(String alert) {
        return alerts.get(alert).at("/labels/severity").asText();
    }

    private String expr(String alert) {
        return alerts.get(alert).path("expr").asText();
    }
}
