package dev.regionguard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the generated deployment files from their sources. Pure functions of the inputs; the
 * tests compare the results with the committed files (or rewrite them in update mode).
 */
final class DeployArtifacts {
    static final Map<String, String> CRD_ANNOTATIONS = orderedMap(
            // Helm never deletes CRDs from crds/, but keep them if someone moves them into templates/.
            "helm.sh/resource-policy", "keep",
            // Deleting a CRD deletes every protection: never prune or delete them from Argo CD, and apply
            // them server-side because they outgrow the 256 KiB last-applied annotation.
            "argocd.argoproj.io/sync-options", "Prune=false,Delete=false,ServerSideApply=true",
            "argocd.argoproj.io/sync-wave", "-1");

    /** Manifest file-name prefixes: Strimzi-style numbering, in the order kubectl should apply them. */
    private static final Map<String, String> ORDER = orderedMap(
            "Namespace", "000",
            "CustomResourceDefinition", "010",
            "ServiceAccount", "020",
            "ClusterRole", "030",
            "ClusterRoleBinding", "031",
            "Role", "040",
            "RoleBinding", "041",
            "Service", "050",
            "Deployment", "060",
            "PodDisruptionBudget", "070",
            "ServiceMonitor", "080",
            "PrometheusRule", "081");
    /** ClusterRoles meant for people rather than the operator come last, like Strimzi's 070/080. */
    private static final String USER_ROLE_PREFIX = "090";

    private static final YAMLMapper WRITER = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .build();

    private DeployArtifacts() {}

    // ---------------------------------------------------------------- chart crds/

    /** The chart's crds/: each top-level CRD file under the same name, with {@link #CRD_ANNOTATIONS}. */
    static Map<String, String> chartCrds(Path crdSourceDir) {
        Map<String, String> files = new TreeMap<>();
        for (Path source : Repo.list(crdSourceDir, Repo::isYaml)) {
            String name = source.getFileName().toString();
            StringBuilder out = new StringBuilder()
                    .append("# Generated from crds/")
                    .append(name)
                    .append(" with Helm and Argo CD annotations added; do not edit.\n")
                    .append("# Regenerate: see deploy/README.md#regenerating\n");
            List<JsonNode> docs = readAll(Repo.read(source));
            for (int i = 0; i < docs.size(); i++) {
                out.append(i == 0 ? "" : "---\n").append(write(annotate(docs.get(i))));
            }
            files.put(name, out.toString());
        }
        return files;
    }

    static JsonNode annotate(JsonNode crd) {
        if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
            throw new IllegalArgumentException(
                    "not a CRD: " + crd.path("metadata").path("name").asText());
        }
        ObjectNode copy = crd.deepCopy();
        ObjectNode annotations = ((ObjectNode) copy.get("metadata")).withObjectProperty("annotations");
        CRD_ANNOTATIONS.forEach(annotations::put);
        return copy;
    }

    // ---------------------------------------------------------------- deploy/manifests/

    /**
     * deploy/manifests/: a Namespace, the chart's CRDs and every object `helm template` renders with
     * the default values, one object per numbered file.
     */
    static Map<String, String> manifests(HelmRender.Rendered defaults, Map<String, String> chartCrds) {
        String header = "# Generated from deploy/helm/regionguard with its default values; do not edit.\n"
                + "# Regenerate: see deploy/README.md#regenerating\n";
        Map<String, String> files = new TreeMap<>();
        put(files, "000-Namespace.yaml", header + namespace());
        for (Map.Entry<String, String> crd : chartCrds.entrySet()) {
            for (JsonNode doc : readAll(crd.getValue())) {
                String plural = doc.path("spec").path("names").path("plural").asText();
                put(
                        files,
                        "010-Crd-" + plural + ".yaml",
                        header + "# Source: regionguard/crds/" + crd.getKey() + "\n" + write(doc));
            }
        }
        for (HelmRender.Doc doc : defaults.docs()) {
            put(files, fileName(doc), header + doc.text());
        }
        return files;
    }

    private static String namespace() {
        return """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %s
                  labels:
                    app.kubernetes.io/part-of: regionguard
                    # The operator pod meets the restricted Pod Security Standard; let admission prove it.
                    pod-security.kubernetes.io/enforce: restricted
                """.formatted(HelmRender.NAMESPACE);
    }

    private static String fileName(HelmRender.Doc doc) {
        String kind = doc.kind();
        String prefix = ORDER.get(kind);
        if (prefix == null) {
            throw new IllegalStateException(
                    "no manifest number for kind " + kind + "; add it to DeployArtifacts.ORDER");
        }
        var labels = doc.object().getMetadata().getLabels();
        if ("ClusterRole".equals(kind)
                && labels != null
                && "user-role".equals(labels.get("app.kubernetes.io/component"))) {
            prefix = USER_ROLE_PREFIX;
        }
        // Objects named after the release are the chart's singletons: 060-Deployment.yaml.
        String name = doc.name().equals(HelmRender.RELEASE) ? "" : "-" + doc.name();
        return prefix + "-" + kind + name + ".yaml";
    }

    private static void put(Map<String, String> files, String name, String content) {
        if (files.putIfAbsent(name, content) != null) {
            throw new IllegalStateException("two objects map to " + name);
        }
    }

    // ---------------------------------------------------------------- deploy/prometheus/

    /** deploy/prometheus/regionguard-alerts.yaml: the chart's PrometheusRule, rendered. */
    static String alerts(HelmRender.Rendered withRules) {
        List<HelmRender.Doc> rules = withRules.ofKind("PrometheusRule");
        if (rules.size() != 1) {
            throw new IllegalStateException("expected one PrometheusRule, found " + rules.size());
        }
        return "# Generated from deploy/helm/regionguard (templates/prometheusrule.yaml and\n"
                + "# files/prometheus-rules.yaml); do not edit. Regenerate: see deploy/README.md#regenerating\n"
                + "# Apply next to the operator when the Prometheus Operator is installed.\n"
                + rules.get(0).text();
    }

    // ---------------------------------------------------------------- config/argocd/argocd-cm-health.yaml

    /** An argocd-cm fragment holding every health.lua and actions/ of config/argocd/regionguard.dev/<Kind>/. */
    static String argocdCm(Path argocdDir) {
        StringBuilder out = new StringBuilder("""
                # Generated from config/argocd/regionguard.dev/*/health.lua and */actions/; do not edit.
                # Merge into Argo CD's own ConfigMap (see config/argocd/README.md):
                #   kubectl -n argocd patch configmap argocd-cm --type merge --patch-file config/argocd/argocd-cm-health.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: argocd-cm
                  namespace: argocd
                  labels:
                    app.kubernetes.io/name: argocd-cm
                    app.kubernetes.io/part-of: argocd
                data:
                """);
        healthScripts(argocdDir).forEach((key, script) -> {
            out.append("  resource.customizations.health.").append(key).append(": |\n");
            indent(out, script, "    ");
        });
        actionScripts(argocdDir).forEach((key, actions) -> {
            out.append("  resource.customizations.actions.").append(key).append(": |\n");
            indent(out, actions, "    ");
        });
        return out.toString();
    }

    /**
     * "regionguard.dev_Kind" → the value Argo CD expects under resource.customizations.actions: discovery.lua
     * and a definition {name, action.lua} per actions/<name>/action.lua, sorted by key.
     */
    static Map<String, String> actionScripts(Path argocdDir) {
        Map<String, String> scripts = new TreeMap<>();
        for (Path kindDir : dirs(argocdDir.resolve("regionguard.dev"))) {
            Path actions = kindDir.resolve("actions");
            if (!Files.isRegularFile(actions.resolve("discovery.lua"))) {
                continue;
            }
            StringBuilder value = new StringBuilder("discovery.lua: |\n");
            indent(value, Repo.read(actions.resolve("discovery.lua")), "  ");
            value.append("definitions:\n");
            for (Path action : dirs(actions)) {
                if (Files.isRegularFile(action.resolve("action.lua"))) {
                    value.append("- name: ").append(action.getFileName()).append("\n  action.lua: |\n");
                    indent(value, Repo.read(action.resolve("action.lua")), "    ");
                }
            }
            scripts.put("regionguard.dev_" + kindDir.getFileName(), value.toString());
        }
        return scripts;
    }

    /** Appends text as the body of a YAML literal block; empty lines stay empty. */
    private static void indent(StringBuilder out, String text, String indent) {
        text.lines()
                .forEach(line -> out.append(line.isEmpty() ? "" : indent + line).append('\n'));
    }

    /** "regionguard.dev_Kind" → script, sorted by key. */
    static Map<String, String> healthScripts(Path argocdDir) {
        Map<String, String> scripts = new TreeMap<>();
        Path group = argocdDir.resolve("regionguard.dev");
        for (Path kindDir : dirs(group)) {
            Path script = kindDir.resolve("health.lua");
            if (Files.isRegularFile(script)) {
                scripts.put("regionguard.dev_" + kindDir.getFileName(), Repo.read(script));
            }
        }
        return scripts;
    }

    private static List<Path> dirs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- YAML

    static List<JsonNode> readAll(String yaml) {
        try (MappingIterator<JsonNode> it =
                HelmRender.YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> docs = new ArrayList<>();
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> orderedMap(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
