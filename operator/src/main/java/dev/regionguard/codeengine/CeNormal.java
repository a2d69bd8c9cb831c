package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A resource as its create body: what the server sets is dropped, so that a primary's resource
 * and its copy on a standby look the same although their ids, tags, regions and statuses differ.
 */
final class CeNormal {
    /** Set by the server on some CE resource; never written, never compared. */
    static final Set<String> SERVER_FIELDS = Set.of(
            "id",
            "href",
            "created_at",
            "entity_tag",
            "region",
            "project_id",
            "resource_type",
            "status",
            "status_details",
            "endpoint",
            "endpoint_internal",
            "computed_env_variables",
            "build",
            "build_run",
            "cname_target",
            "user_managed",
            "visibility",
            "generated_by");

    private CeNormal() {}

    /**
     * A copy without server fields and nulls. Volume mounts also lose their {@code name}: the
     * server generates it per project, and prototypes no longer take it.
     */
    static ObjectNode createBody(ObjectNode resource) {
        ObjectNode body = CeJson.objectWithoutNulls(resource);
        body.remove(SERVER_FIELDS);
        CeJson.objects(body.get("run_volume_mounts")).forEach(mount -> mount.remove("name"));
        return body;
    }
}
