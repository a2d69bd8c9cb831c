package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * {@code /apps}: every write that changes what runs makes a revision {@code <app>-0000n}, which is
 * {@code deploying} for the app-ready delay, then ready (or failed when its image is broken). The
 * newest ready revision serves the app's endpoint.
 */
final class CeAppKind extends CeKind {

    /** Visibility is routing, not part of what runs: changing it makes no revision. */
    private static final String VISIBILITY = "managed_domain_mappings";

    CeAppKind() {
        super(
                "apps",
                "app",
                "app_v2",
                CeNames.LABEL,
                Update.MERGE_PATCH,
                WorkloadFields.withRunFields(CeSchema.of("app")
                                .required("image_reference", CeSchema.Type.STRING)
                                .optional("image_port", CeSchema.Type.INTEGER, 8080))
                        .oneOf(VISIBILITY, "local_public", "local", "local_private", "local_public")
                        .optional("probe_liveness", CeSchema.Type.OBJECT)
                        .optional("probe_readiness", CeSchema.Type.OBJECT)
                        .optional("scale_concurrency", CeSchema.Type.INTEGER, 100)
                        .optional("scale_concurrency_target", CeSchema.Type.INTEGER)
                        .optional("scale_cpu_limit", CeSchema.Type.STRING, "1")
                        .optional("scale_down_delay", CeSchema.Type.INTEGER, 0)
                        .optional("scale_ephemeral_storage_limit", CeSchema.Type.STRING, "400M")
                        .optional("scale_initial_instances", CeSchema.Type.INTEGER, 1)
                        .optional("scale_max_instances", CeSchema.Type.INTEGER, 10)
                        .optional("scale_memory_limit", CeSchema.Type.STRING, "4G")
                        .optional("scale_min_instances", CeSchema.Type.INTEGER, 0)
                        .optional("scale_request_timeout", CeSchema.Type.INTEGER, 300));
    }

    @Override
    boolean hasRevisions() {
        return true;
    }

    @Override
    void complete(ObjectNode spec) {
        WorkloadFields.complete(spec);
    }

    @Override
    void validate(CeProject project, ObjectNode spec, CeResource existing) {
        WorkloadFields.validate(project, spec);
        int port = spec.get("image_port").intValue();
        if (port < 1 || port > 65535) {
            throw ApiException.badRequest("Field 'image_port' must be between 1 and 65535");
        }
        int min = spec.get("scale_min_instances").intValue();
        int max = spec.get("scale_max_instances").intValue();
        // max 0 means no upper limit
        if (max > 0 && min > max) {
            throw ApiException.badRequest(
                    "scale_min_instances (" + min + ") must not exceed scale_max_instances (" + max + ")");
        }
    }

    @Override
    void specWritten(CeProject project, CeResource resource, Instant now, boolean settled) {
        ObjectNode runs = resource.spec().deepCopy();
        runs.remove(VISIBILITY);
        AppRevisions revisions = resource.revisions();
        if (revisions.isEmpty() || !revisions.latest().spec().equals(runs)) {
            Instant settlesAt = settled ? now : now.plus(project.timings().appReady());
            revisions.add(
                    runs,
                    project.timestamp(),
                    settlesAt,
                    project.imageFails(runs.get("image_reference").textValue()),
                    now);
        }
    }

    @Override
    void addLiveFields(CeProject project, CeResource resource, ObjectNode view, Instant now) {
        String name = resource.key();
        if (publiclyReachable(resource)) {
            view.put("endpoint", project.appUrl(name));
        }
        view.put("endpoint_internal", "http://" + name + "." + project.subdomain() + ".svc.cluster.local");
        view.set("computed_env_variables", WorkloadFields.computedEnv(project, "CE_APP", name));
        AppRevision latest = resource.revisions().latest();
        AppRevision serving = resource.revisions().latestReady(now);
        String status;
        String reason;
        switch (latest.status(now)) {
            case AppRevision.READY -> {
                status = "ready";
                reason = "ready";
            }
            case AppRevision.LOADING -> {
                status = "deploying";
                reason = "deploying";
            }
            default -> {
                status = serving == null ? "failed" : "warning";
                reason = serving == null ? AppRevision.FAILED_REASON : "ready_but_latest_revision_failed";
            }
        }
        view.put("status", status);
        ObjectNode details = view.putObject("status_details");
        details.put("latest_created_revision", latest.name());
        if (serving != null) {
            details.put("latest_ready_revision", serving.name());
        }
        details.put("reason", reason);
    }

    static boolean publiclyReachable(CeResource app) {
        return !"local".equals(app.text(VISIBILITY));
    }

    /** {@code /apps/{app}/revisions/{name}}: the revision's run fields and its own status. */
    ObjectNode revisionView(CeProject project, CeResource app, AppRevision revision, Instant now) {
        ObjectNode view = Json.object();
        view.put("name", revision.name());
        view.put("id", revision.id());
        view.put("href", project.resourceUrl("apps", app.key()) + "/revisions/" + revision.name());
        view.put("created_at", revision.createdAt());
        view.put("app_name", app.key());
        view.put("project_id", project.id());
        view.put("region", project.region());
        view.put("resource_type", "app_revision_v2");
        view.setAll(revision.spec().deepCopy());
        view.set("computed_env_variables", WorkloadFields.computedEnv(project, "CE_APP", app.key()));
        view.put("status", revision.status(now));
        ObjectNode details = view.putObject("status_details");
        boolean serving = revision == app.revisions().latestReady(now);
        details.put(
                "actual_instances",
                serving ? revision.spec().get("scale_min_instances").intValue() : 0);
        details.put("reason", revision.reason(now));
        return view;
    }

    @Override
    List<CeResource> deletedWith(CeProject project, CeResource resource, boolean keepServiceAccess) {
        return keepServiceAccess ? List.of() : CeBindingKind.bindingsOf(project, this, resource.key());
    }
}
