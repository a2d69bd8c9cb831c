package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** {@code /functions}: deploying for the app-ready delay after each change, then ready. */
final class CeFunctionKind extends CeKind {

    CeFunctionKind() {
        super(
                "functions",
                "function",
                "function_v2",
                CeNames.LABEL,
                Update.MERGE_PATCH,
                CeSchema.of("function")
                        .required("runtime", CeSchema.Type.STRING)
                        .required("code_reference", CeSchema.Type.STRING)
                        .optional("code_binary", CeSchema.Type.BOOLEAN, false)
                        .optional("code_main", CeSchema.Type.STRING, "main")
                        .optional("code_secret", CeSchema.Type.STRING)
                        .oneOf("managed_domain_mappings", "local_public", "local", "local_private", "local_public")
                        .optional("run_compute_resource_token_enabled", CeSchema.Type.BOOLEAN, false)
                        .optional("run_env_variables", CeSchema.Type.OBJECT_LIST, new Object[0])
                        .optional("scale_concurrency", CeSchema.Type.INTEGER, 1)
                        .optional("scale_cpu_limit", CeSchema.Type.STRING, "1")
                        .optional("scale_down_delay", CeSchema.Type.INTEGER, 1)
                        .optional("scale_max_execution_time", CeSchema.Type.INTEGER, 60)
                        .optional("scale_memory_limit", CeSchema.Type.STRING, "4G"));
    }

    @Override
    void complete(ObjectNode spec) {
        WorkloadFields.complete(spec);
    }

    @Override
    void validate(CeProject project, ObjectNode spec, CeResource existing) {
        String runtime = spec.get("runtime").textValue();
        if (!FunctionRuntimes.ids().contains(runtime)) {
            throw ApiException.badRequest("Field 'runtime' must be one of " + FunctionRuntimes.ids()
                    + " (GET /function_runtimes), not '" + runtime + "'");
        }
        String codeSecret = spec.path("code_secret").textValue();
        if (codeSecret != null) {
            CeReferences.secret(project, codeSecret, "code_secret", "registry");
        }
        WorkloadFields.validate(project, spec);
    }

    @Override
    void specWritten(CeProject project, CeResource resource, Instant now, boolean settled) {
        resource.settlesAt(settled ? now : now.plus(project.timings().appReady()));
    }

    @Override
    void addLiveFields(CeProject project, CeResource resource, ObjectNode view, Instant now) {
        String name = resource.key();
        if (!"local".equals(resource.text("managed_domain_mappings"))) {
            view.put(
                    "endpoint",
                    "https://" + name + "." + project.subdomain() + "." + project.region()
                            + ".codeengine.appdomain.cloud");
        }
        view.put("endpoint_internal", "http://" + name + "." + project.subdomain() + ".function.cluster.local");
        view.set("computed_env_variables", WorkloadFields.computedEnv(project, "CE_FUNCTION", name));
        boolean deploying = now.isBefore(resource.settlesAt());
        status(view, deploying ? "deploying" : "ready", deploying ? "deploying" : "ready");
    }
}
