package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** The run fields apps, jobs and functions share: env variables, volume mounts, probes, image secret. */
final class WorkloadFields {

    private static final Set<String> ENV_TYPES = Set.of(
            "literal",
            "config_map_full_reference",
            "secret_full_reference",
            "config_map_key_reference",
            "secret_key_reference");
    private static final Set<String> MOUNT_TYPES = Set.of("config_map", "secret", "persistent_data_store");

    private WorkloadFields() {}

    /** The run fields apps and jobs share, with the server's defaults. */
    static CeSchema withRunFields(CeSchema schema) {
        return schema.optional("image_secret", CeSchema.Type.STRING)
                .optional("run_arguments", CeSchema.Type.STRING_LIST, new Object[0])
                .optional("run_as_user", CeSchema.Type.INTEGER, 0)
                .optional("run_commands", CeSchema.Type.STRING_LIST, new Object[0])
                .optional("run_compute_resource_token_enabled", CeSchema.Type.BOOLEAN, false)
                .optional("run_env_variables", CeSchema.Type.OBJECT_LIST, new Object[0])
                .oneOf("run_service_account", "default", "default", "manager", "reader", "writer", "none")
                .optional("run_volume_mounts", CeSchema.Type.OBJECT_LIST, new Object[0]);
    }

    /** Server defaults inside the lists and probes: env type literal, probe timings. */
    static void complete(ObjectNode spec) {
        for (JsonNode env : spec.path("run_env_variables")) {
            if (!env.has("type")) {
                ((ObjectNode) env).put("type", "literal");
            }
        }
        for (String probe : new String[] {"probe_liveness", "probe_readiness"}) {
            if (spec.get(probe) instanceof ObjectNode fields) {
                fields.putIfAbsent("type", Json.MAPPER.valueToTree("tcp"));
                fields.putIfAbsent("initial_delay", Json.MAPPER.valueToTree(0));
                fields.putIfAbsent("interval", Json.MAPPER.valueToTree(10));
                fields.putIfAbsent("timeout", Json.MAPPER.valueToTree(1));
                fields.putIfAbsent("failure_threshold", Json.MAPPER.valueToTree(1));
            }
        }
    }

    static void validate(CeProject project, ObjectNode spec) {
        String imageSecret = spec.path("image_secret").textValue();
        if (imageSecret != null) {
            CeReferences.secret(project, imageSecret, "image_secret", "registry");
        }
        envVariables(project, spec.path("run_env_variables"));
        volumeMounts(project, spec.path("run_volume_mounts"));
        probe(spec.path("probe_liveness"), "probe_liveness");
        probe(spec.path("probe_readiness"), "probe_readiness");
    }

    private static void envVariables(CeProject project, JsonNode envs) {
        for (int i = 0; i < envs.size(); i++) {
            JsonNode env = envs.get(i);
            String field = "run_env_variables[" + i + "]";
            String type = env.path("type").asText();
            if (!ENV_TYPES.contains(type)) {
                throw ApiException.badRequest("Field '" + field + ".type' must be one of " + ENV_TYPES);
            }
            if (type.equals("literal") || type.endsWith("_key_reference")) {
                CeReferences.requiredText(env, "name", field);
            }
            if (type.equals("literal")) {
                continue;
            }
            String reference = CeReferences.requiredText(env, "reference", field);
            if (type.endsWith("_key_reference")) {
                CeReferences.requiredText(env, "key", field);
            }
            if (type.startsWith("config_map")) {
                CeReferences.require(project, CeKinds.CONFIG_MAPS, reference, field + ".reference");
            } else {
                CeReferences.secret(project, reference, field + ".reference");
            }
        }
    }

    private static void volumeMounts(CeProject project, JsonNode mounts) {
        for (int i = 0; i < mounts.size(); i++) {
            JsonNode mount = mounts.get(i);
            String field = "run_volume_mounts[" + i + "]";
            String type = mount.path("type").asText();
            if (!MOUNT_TYPES.contains(type)) {
                throw ApiException.badRequest("Field '" + field + ".type' must be one of " + MOUNT_TYPES);
            }
            if (!CeReferences.requiredText(mount, "mount_path", field).startsWith("/")) {
                throw ApiException.badRequest("Field '" + field + ".mount_path' must be an absolute path");
            }
            String reference = CeReferences.requiredText(mount, "reference", field);
            CeKind kind = switch (type) {
                case "config_map" -> CeKinds.CONFIG_MAPS;
                case "secret" -> CeKinds.SECRETS;
                default -> CeKinds.PERSISTENT_DATA_STORES;
            };
            CeReferences.require(project, kind, reference, field + ".reference");
        }
    }

    private static void probe(JsonNode probe, String field) {
        if (probe.isMissingNode()) {
            return;
        }
        String type = probe.path("type").asText();
        if (!type.equals("tcp") && !type.equals("http")) {
            throw ApiException.badRequest("Field '" + field + ".type' must be tcp or http");
        }
        for (String number : new String[] {"port", "initial_delay", "interval", "timeout", "failure_threshold"}) {
            JsonNode value = probe.get(number);
            if (value != null && !(value.canConvertToInt() && value.isIntegralNumber() && value.intValue() >= 0)) {
                throw ApiException.badRequest("Field '" + field + "." + number + "' must be a non-negative integer");
            }
        }
    }

    /** What Code Engine injects into every instance ({@code CE_*} literals). */
    static ArrayNode computedEnv(CeProject project, String componentVariable, String name) {
        ArrayNode env = Json.array();
        literal(env, "CE_API_BASE_URL", "https://api." + project.region() + ".codeengine.cloud.ibm.com");
        literal(env, componentVariable, name);
        literal(env, "CE_DOMAIN", project.region() + ".codeengine.appdomain.cloud");
        literal(env, "CE_PROJECT_ID", project.id());
        literal(env, "CE_REGION", project.region());
        literal(env, "CE_SUBDOMAIN", project.subdomain());
        return env;
    }

    private static void literal(ArrayNode env, String name, String value) {
        env.addObject().put("type", "literal").put("name", name).put("value", value);
    }
}
