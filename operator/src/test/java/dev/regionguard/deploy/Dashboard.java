package dev.regionguard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The Grafana dashboard the chart ships (files/grafana-dashboard.json) and its queries. */
final class Dashboard {
    /** The one source: the chart's file; deploy/grafana/ holds a generated copy. */
    static final Path SOURCE = Repo.CHART.resolve("files/grafana-dashboard.json");

    static final Path COPY = Repo.ROOT.resolve("deploy/grafana/regionguard-dashboard.json");

    private Dashboard() {}

    static JsonNode read() {
        return parse(Repo.read(SOURCE));
    }

    static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "panel title / refId" or "variable name" → PromQL (or label_values) query, in order. */
    static Map<String, String> queries(JsonNode dashboard) {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put(
                        panel.path("title").asText() + " / "
                                + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if ("query".equals(variable.path("type").asText())) {
                queries.put(
                        "variable " + variable.path("name").asText(),
                        variable.at("/query/query").asText());
            }
        }
        return queries;
    }

    /** "query: name" for every metric a query reads that is not among the exported sample names. */
    static Set<String> unknownMetrics(Map<String, String> queries, Set<String> exported) {
        Set<String> unknown = new TreeSet<>();
        queries.forEach((where, query) -> PromQl.metricNames(query).stream()
                .filter(name -> !exported.contains(name))
                .forEach(name -> unknown.add(where + ": " + name)));
        return unknown;
    }
}
