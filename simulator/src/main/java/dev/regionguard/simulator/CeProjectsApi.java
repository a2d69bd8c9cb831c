package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /projects[/{id}[/status_details|/egress_ips]]}: asynchronous create and delete (202); a
 * delete is a soft delete (see {@link CeProject}) and DELETE takes no hard-delete option, as in IBM's SDKs.
 */
final class CeProjectsApi {

    private static final Set<String> CREATE_FIELDS = Set.of("name", "resource_group_id", "tags");

    private CeProjectsApi() {}

    static Reply handle(CeRegion region, CeRoute route, CeRequest request) {
        String method = request.method();
        switch (route.target()) {
            case PROJECTS -> {
                if (method.equals("POST")) {
                    return new Reply(202, create(region, request.jsonBody()).view(region.now()));
                }
                CeEndpoint.requireGet(request);
                Instant now = region.now();
                return new Reply(
                        200,
                        TokenPage.from(request.query())
                                .render(
                                        "projects",
                                        region.all(),
                                        CeProject::id,
                                        project -> project.view(now),
                                        region.projectsUrl(),
                                        Map.of()));
            }
            case PROJECT -> {
                CeProject project = region.require(route.projectId());
                if (method.equals("DELETE")) {
                    project.startDeleting();
                    return new Reply(202, null);
                }
                CeEndpoint.requireGet(request);
                return new Reply(200, project.view(region.now()));
            }
            case STATUS_DETAILS -> {
                CeEndpoint.requireGet(request);
                return new Reply(200, region.require(route.projectId()).statusDetails(region.now()));
            }
            default -> {
                CeEndpoint.requireGet(request);
                return new Reply(200, egressIps(region.require(route.projectId())));
            }
        }
    }

    private static CeProject create(CeRegion region, ObjectNode body) {
        body.fieldNames().forEachRemaining(field -> {
            if (!CREATE_FIELDS.contains(field)) {
                throw ApiException.badRequest("Field '" + field + "' is not part of a project");
            }
        });
        String name = Json.limited(Json.requiredText(body, "name"), "name", 128);
        String resourceGroupId = Json.text(body, "resource_group_id");
        JsonNode tags = body.get("tags");
        if (tags != null && !tags.isNull() && !tags.isArray()) {
            throw ApiException.badRequest("Field 'tags' must be an array of strings");
        }
        return region.create(
                UUID.randomUUID().toString(),
                name,
                resourceGroupId == null ? CeProject.DEFAULT_RESOURCE_GROUP : resourceGroupId,
                region.activationDelay());
    }

    /** Stable per project, from documentation address ranges. */
    private static ObjectNode egressIps(CeProject project) {
        int seed = Math.floorMod(project.id().hashCode(), 250) + 1;
        ObjectNode ips = Json.object();
        ips.putArray("private").add("10.249." + seed + ".4").add("10.249." + seed + ".5");
        ips.putArray("public").add("192.0.2." + seed).add("198.51.100." + seed);
        return ips;
    }
}
