package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** {@code /jobs}: a job definition; jobs have no status, their executions are {@link CeJobRunKind job runs}. */
final class CeJobKind extends CeKind {

    private static final Pattern ARRAY_SPEC = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");

    CeJobKind() {
        super(
                "jobs",
                "job",
                "job_v2",
                CeNames.LABEL,
                Update.MERGE_PATCH,
                jobFields(CeSchema.of("job").required("image_reference", CeSchema.Type.STRING)));
    }

    /** What a job and a job run share: the run fields, run mode and scale limits with IBM's defaults. */
    static CeSchema jobFields(CeSchema schema) {
        return WorkloadFields.withRunFields(schema)
                .oneOf("run_mode", "task", "task", "daemon")
                .optional("scale_array_spec", CeSchema.Type.STRING, "0")
                .optional("scale_cpu_limit", CeSchema.Type.STRING, "1")
                .optional("scale_ephemeral_storage_limit", CeSchema.Type.STRING, "400M")
                .optional("scale_max_execution_time", CeSchema.Type.INTEGER, 7200)
                .optional("scale_memory_limit", CeSchema.Type.STRING, "4G")
                .optional("scale_retry_limit", CeSchema.Type.INTEGER, 3);
    }

    @Override
    void complete(ObjectNode spec) {
        WorkloadFields.complete(spec);
    }

    @Override
    void validate(CeProject project, ObjectNode spec, CeResource existing) {
        validateJobFields(project, spec);
    }

    static void validateJobFields(CeProject project, ObjectNode spec) {
        WorkloadFields.validate(project, spec);
        if (!ARRAY_SPEC.matcher(spec.get("scale_array_spec").textValue()).matches()) {
            throw ApiException.badRequest("Field 'scale_array_spec' must list indices and ranges, e.g. 0-4,7");
        }
    }

    @Override
    void addLiveFields(CeProject project, CeResource resource, ObjectNode view, Instant now) {
        view.set("computed_env_variables", WorkloadFields.computedEnv(project, "CE_JOB", resource.key()));
    }

    @Override
    List<CeResource> deletedWith(CeProject project, CeResource resource, boolean keepServiceAccess) {
        return keepServiceAccess ? List.of() : CeBindingKind.bindingsOf(project, this, resource.key());
    }
}
