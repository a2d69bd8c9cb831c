package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fencing a Code Engine project so that it holds: Code Engine has no stop flag, and an app at
 * {@code scale_min_instances: 0} still starts on the first request. So every app gets project-only
 * visibility ({@code managed_domain_mappings: local}, which removes its public URL) and min/initial
 * instances 0, and every custom domain mapping is deleted. What it changes is read first and recorded by
 * the failover ({@code app.<name>}: min|max|initial|visibility; {@code mapping.<name>}: app|TLS secret
 * name), and unfencing restores exactly that.
 */
final class CeFence {
    static final String VISIBILITY = "managed_domain_mappings";
    static final String PROJECT_ONLY = "local";
    private static final String DEFAULT_VISIBILITY = "local_public";
    private static final String APP = "app.";
    private static final String MAPPING = "mapping.";
    private static final String DELETING = "deleting";

    private CeFence() {}

    static Map<String, String> originals(CodeEngineClient client) {
        Map<String, String> original = new TreeMap<>();
        for (ObjectNode app : client.list(CeKind.APP)) {
            CeScaling scaling = CeScaling.of(app);
            original.put(
                    APP + app.path("name").asText(),
                    scaling.minInstances() + "|" + scaling.maxInstances() + "|" + scaling.initialInstances() + "|"
                            + visibility(app));
        }
        for (ObjectNode mapping : client.list(CeKind.DOMAIN_MAPPING)) {
            if (DELETING.equals(CeJson.text(mapping, "status"))) {
                continue; // going away already: not the fence's to restore
            }
            original.put(
                    MAPPING + mapping.path("name").asText(),
                    mapping.path("component").path("name").asText() + "|"
                            + mapping.path("tls_secret").asText(""));
        }
        return original;
    }

    static String fence(CodeEngineClient client) {
        int fenced = 0;
        for (ObjectNode app : client.list(CeKind.APP)) {
            CeScaling current = CeScaling.of(app);
            CeScaling stopped = new CeScaling(0, current.maxInstances(), 0);
            if (!current.equals(stopped) || !PROJECT_ONLY.equals(visibility(app))) {
                client.update(
                        CeKind.APP,
                        app.path("name").asText(),
                        stopped.toMergePatch().put(VISIBILITY, PROJECT_ONLY),
                        app.path("entity_tag").asText("*"));
                fenced++;
            }
        }
        int deleted = 0;
        for (ObjectNode mapping : client.list(CeKind.DOMAIN_MAPPING)) {
            if (!DELETING.equals(CeJson.text(mapping, "status"))) {
                client.delete(CeKind.DOMAIN_MAPPING, mapping.path("name").asText());
                deleted++;
            }
        }
        return "made " + fenced + " apps project-only at 0 instances and deleted " + deleted + " domain mappings";
    }

    static String unfence(CodeEngineClient client, Map<String, String> original) {
        int apps = 0;
        int mappings = 0;
        for (Map.Entry<String, String> entry : original.entrySet()) {
            String[] values = entry.getValue().split("\\|", -1);
            if (entry.getKey().startsWith(APP)) {
                apps += restoreApp(client, entry.getKey().substring(APP.length()), values);
            } else if (entry.getKey().startsWith(MAPPING)) {
                mappings += restoreMapping(client, entry.getKey().substring(MAPPING.length()), values);
            }
        }
        return "restored " + apps + " apps and " + mappings + " domain mappings";
    }

    private static int restoreApp(CodeEngineClient client, String name, String[] values) {
        CeScaling wanted =
                new CeScaling(Integer.parseInt(values[0]), Integer.parseInt(values[1]), Integer.parseInt(values[2]));
        ObjectNode app;
        try {
            app = client.get(CeKind.APP, name);
        } catch (IbmApiException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return 0; // deleted since: nothing to restore
            }
            throw e;
        }
        if (wanted.equals(CeScaling.of(app)) && values[3].equals(visibility(app))) {
            return 0;
        }
        client.update(
                CeKind.APP,
                name,
                wanted.toMergePatch().put(VISIBILITY, values[3]),
                app.path("entity_tag").asText("*"));
        return 1;
    }

    private static int restoreMapping(CodeEngineClient client, String name, String[] values) {
        ObjectNode body = CeJson.NODES.objectNode().put("name", name);
        body.putObject("component").put("name", values[0]).put("resource_type", "app_v2");
        if (values.length > 1 && !values[1].isEmpty()) {
            body.put("tls_secret", values[1]);
        }
        try {
            client.create(CeKind.DOMAIN_MAPPING, body);
            return 1;
        } catch (IbmApiException e) {
            if (e.category() != ErrorCategory.CONFLICT) {
                throw e;
            }
        }
        // CE deletes asynchronously: a mapping the fence deleted a moment ago may still be going away
        if (DELETING.equals(CeJson.text(client.get(CeKind.DOMAIN_MAPPING, name), "status"))) {
            throw new IllegalStateException("domain mapping " + name + " is still being deleted; tried again later");
        }
        return 0; // restored by an earlier attempt
    }

    private static String visibility(ObjectNode app) {
        String value = CeJson.text(app, VISIBILITY);
        return value == null ? DEFAULT_VISIBILITY : value;
    }
}
