package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The whole state of a Code Engine project, for test assertions and the control API. */
final class CeSnapshot {

    private CeSnapshot() {}

    /**
     * {@code {region, project_id, project, secrets, config_maps, persistent_data_stores,
     * allowed_outbound_destinations, builds, apps, jobs, functions, bindings, domain_mappings}}: each
     * item is its GET view (resources being deleted included); apps also carry their {@code revisions}.
     */
    static ObjectNode of(CeProject project) {
        return project.inspect(now -> {
            ObjectNode snapshot = Json.object();
            snapshot.put("region", project.region());
            snapshot.put("project_id", project.id());
            snapshot.set("project", project.view(now));
            for (CeKind kind : CeKinds.ALL) {
                ArrayNode items = snapshot.putArray(kind.segment());
                for (CeResource resource : project.resources(kind)) {
                    ObjectNode view = kind.view(project, resource, now);
                    if (kind == CeKinds.APPS) {
                        ArrayNode revisions = view.putArray("revisions");
                        resource.revisions()
                                .all()
                                .forEach(revision ->
                                        revisions.add(CeKinds.APPS.revisionView(project, resource, revision, now)));
                    }
                    items.add(view);
                }
            }
            return snapshot;
        });
    }
}
