package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /apps/{app}/instances}: the serving revision runs {@code scale_min_instances} instances
 * (no traffic reaches the simulator's apps, so it never scales above that), and a revision still
 * loading has one {@code pending} instance. Names follow Kubernetes pods of a revision's
 * deployment and are stable per revision.
 */
final class CeAppInstances {

    private CeAppInstances() {}

    /** Sorted by name, the order token pagination walks. */
    static List<ObjectNode> of(CeProject project, CeResource app, Instant now) {
        List<ObjectNode> instances = new ArrayList<>();
        AppRevision serving = app.revisions().latestReady(now);
        if (serving != null) {
            int count = serving.spec().get("scale_min_instances").intValue();
            for (int i = 0; i < count; i++) {
                instances.add(view(project, app, serving, i, true));
            }
        }
        AppRevision latest = app.revisions().latest();
        if (AppRevision.LOADING.equals(latest.status(now))) {
            instances.add(view(project, app, latest, 0, false));
        }
        instances.sort(Comparator.comparing(instance -> instance.get("name").textValue()));
        return instances;
    }

    private static ObjectNode view(
            CeProject project, CeResource app, AppRevision revision, int index, boolean running) {
        String compactId = revision.id().replace("-", "");
        String name = revision.name() + "-deployment-" + compactId.substring(0, 9) + "-"
                + compactId.substring(compactId.length() - 4) + index;
        ObjectNode view = Json.object();
        view.put("name", name);
        view.put("id", compactId.substring(0, 8) + "-" + index);
        view.put("href", project.resourceUrl("apps", app.key()) + "/instances/" + name);
        view.put("created_at", revision.createdAt());
        view.put("app_name", app.key());
        view.put("revision_name", revision.name());
        view.put("project_id", project.id());
        view.put("region", project.region());
        view.put("resource_type", "app_instance_v2");
        for (String limit : new String[] {"scale_cpu_limit", "scale_ephemeral_storage_limit", "scale_memory_limit"}) {
            view.put(limit, revision.spec().get(limit).textValue());
        }
        view.put("status", running ? "running" : "pending");
        ObjectNode details = view.putObject("status_details");
        details.put("restarts", 0);
        container(details.putObject("user_container"), running, revision);
        container(details.putObject("system_container"), running, revision);
        return view;
    }

    private static void container(ObjectNode container, boolean running, AppRevision revision) {
        ObjectNode state = container.putObject("current_state");
        state.put("container_status", running ? "running" : "pending");
        if (running) {
            state.put("started_at", SimClock.format(revision.settlesAt()));
        } else {
            state.put("reason", "container_creating");
        }
    }
}
