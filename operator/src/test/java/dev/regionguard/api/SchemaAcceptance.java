package dev.regionguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the API server would say to a resource: the generated CRD's structural schema and its CEL
 * rules, as {@link CrdSchemaTest} and {@link CrdCelRulesTest} check them. For tests elsewhere that must
 * use only resources the API server accepts.
 */
public final class SchemaAcceptance {
    private static final Map<String, CrdSchema> BY_KIND = new ConcurrentHashMap<>();

    private SchemaAcceptance() {}

    private static CrdSchema crd(JsonNode resource) {
        return BY_KIND.computeIfAbsent(resource.path("kind").asText(), CrdSchema::ofKind);
    }

    /** Empty when the API server would store {@code resource}; otherwise each problem. */
    public static List<String> problems(JsonNode resource) {
        CrdSchema crd = crd(resource);
        List<String> problems = new ArrayList<>();
        crd.validate(resource).forEach(e -> problems.add(e.toString()));
        if (problems.isEmpty()) {
            CelRules.evaluate(CelRules.find(crd.openApiSchemaFor(resource)), crd.decode(resource))
                    .forEach(v -> problems.add(v.error().toString()));
        }
        return problems;
    }

    /** The resource as stored: with the schema's defaults filled in. */
    public static JsonNode stored(JsonNode resource) {
        return crd(resource).decode(resource);
    }
}
