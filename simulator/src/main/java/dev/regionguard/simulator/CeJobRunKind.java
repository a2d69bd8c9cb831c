package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.TreeSet;

/**
 * {@code /job_runs}: one execution of a job ({@code job_name}: the job's fields, overridden by
 * the body's) or a standalone run that names its own {@code image_reference}. It is
 * {@code pending}, {@code running}, then {@code completed}, or {@code failed} when its image
 * cannot be pulled; {@code status_details} counts the array indices in each state.
 */
final class CeJobRunKind extends CeRunKind {

    CeJobRunKind() {
        super(
                "job_runs",
                "job run",
                "job_run_v2",
                CeJobKind.jobFields(CeSchema.of("job run")
                        .optional("image_reference", CeSchema.Type.STRING)
                        .createOnly("job_name", CeSchema.Type.STRING, false)
                        .optional("scale_array_size_variable_override", CeSchema.Type.INTEGER)),
                CeKinds.JOBS,
                "image_reference");
    }

    @Override
    void complete(ObjectNode spec) {
        WorkloadFields.complete(spec);
    }

    @Override
    void validate(CeProject project, ObjectNode spec, CeResource existing) {
        if (!spec.has("image_reference")) {
            throw ApiException.badRequest("A job run needs 'job_name' or 'image_reference'");
        }
        CeJobKind.validateJobFields(project, spec);
    }

    @Override
    void addLiveFields(CeProject project, CeResource resource, ObjectNode view, Instant now) {
        String component = resource.text("job_name") == null ? resource.key() : resource.text("job_name");
        view.set("computed_env_variables", WorkloadFields.computedEnv(project, "CE_JOB", component));
        Phase phase = CeRunKind.phase(resource, now);
        boolean fails = resource.fails();
        String status = switch (phase) {
            case PENDING -> "pending";
            case RUNNING -> "running";
            case DONE -> fails ? "failed" : "completed";
        };
        view.put("status", status);
        ObjectNode details = view.putObject("status_details");
        String indices = resource.text("scale_array_spec");
        int requested = indexCount(indices);
        details.put("requested", requested);
        counts(details, "pending", phase == Phase.PENDING, requested, indices);
        counts(details, "running", phase == Phase.RUNNING, requested, indices);
        counts(details, "succeeded", phase == Phase.DONE && !fails, requested, indices);
        counts(details, "failed", phase == Phase.DONE && fails, requested, indices);
        details.put("unknown", 0);
        CeRunKind.times(resource, now, details);
    }

    /** All indices share one state: {@code <state>} counts them and {@code <state>_indices} lists them. */
    private static void counts(ObjectNode details, String state, boolean all, int requested, String indices) {
        details.put(state, all ? requested : 0);
        if (all) {
            details.put(state + "_indices", indices);
        }
    }

    /** How many distinct indices {@code 0-4,7} names (6). */
    static int indexCount(String arraySpec) {
        TreeSet<Integer> indices = new TreeSet<>();
        for (String part : arraySpec.split(",")) {
            String[] bounds = part.split("-");
            int from = Integer.parseInt(bounds[0]);
            int to = bounds.length == 2 ? Integer.parseInt(bounds[1]) : from;
            for (int i = from; i <= to && indices.size() <= 10_000; i++) {
                indices.add(i);
            }
        }
        return indices.size();
    }
}
