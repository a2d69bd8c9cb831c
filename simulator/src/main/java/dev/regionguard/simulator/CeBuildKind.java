package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;

/** {@code /builds}: a build configuration, ready once registered; its executions are {@link CeBuildRunKind build runs}. */
final class CeBuildKind extends CeKind {

    private static final Set<String> PARAM_TYPES =
            Set.of("literal", "config_map_key_reference", "secret_key_reference");

    CeBuildKind() {
        super(
                "builds",
                "build",
                "build_v2",
                CeNames.LABEL,
                Update.MERGE_PATCH,
                buildFields(CeSchema.of("build")
                        .required("output_image", CeSchema.Type.STRING)
                        .required("output_secret", CeSchema.Type.STRING)));
    }

    /** What a build and a build run share besides the output: source, strategy and parameters. */
    static CeSchema buildFields(CeSchema schema) {
        return schema.oneOf("strategy_type", null, "dockerfile", "buildpacks")
                .oneOf("source_type", "git", "git", "local")
                .optional("source_url", CeSchema.Type.STRING)
                .optional("source_revision", CeSchema.Type.STRING)
                .optional("source_context_dir", CeSchema.Type.STRING)
                .optional("source_secret", CeSchema.Type.STRING)
                .oneOf("strategy_size", "medium", "small", "medium", "large", "xlarge", "xxlarge")
                .optional("strategy_spec_file", CeSchema.Type.STRING)
                .optional("timeout", CeSchema.Type.INTEGER, 600)
                .optional("run_build_params", CeSchema.Type.OBJECT_LIST, new Object[0]);
    }

    @Override
    void complete(ObjectNode spec) {
        if ("dockerfile".equals(spec.get("strategy_type").textValue()) && !spec.has("strategy_spec_file")) {
            spec.put("strategy_spec_file", "Dockerfile");
        }
    }

    @Override
    void validate(CeProject project, ObjectNode spec, CeResource existing) {
        CeReferences.secret(project, spec.get("output_secret").textValue(), "output_secret", "registry");
        String sourceSecret = spec.path("source_secret").textValue();
        if (sourceSecret != null) {
            CeReferences.secret(project, sourceSecret, "source_secret");
        }
        if ("git".equals(spec.get("source_type").textValue()) && !spec.has("source_url")) {
            throw ApiException.badRequest("Field 'source_url' is required for a build from git");
        }
        JsonNode params = spec.get("run_build_params");
        for (int i = 0; i < params.size(); i++) {
            JsonNode param = params.get(i);
            String field = "run_build_params[" + i + "]";
            String type = param.path("type").asText();
            if (!PARAM_TYPES.contains(type)) {
                throw ApiException.badRequest("Field '" + field + ".type' must be one of " + PARAM_TYPES);
            }
            CeReferences.requiredText(param, "name", field);
            if (!type.equals("literal")) {
                String reference = CeReferences.requiredText(param, "reference", field);
                CeReferences.requiredText(param, "key", field);
                if (type.startsWith("config_map")) {
                    CeReferences.require(project, CeKinds.CONFIG_MAPS, reference, field + ".reference");
                } else {
                    CeReferences.secret(project, reference, field + ".reference");
                }
            }
        }
    }

    @Override
    void addLiveFields(CeProject project, CeResource resource, ObjectNode view, Instant now) {
        status(view, "ready", "registered");
    }
}
