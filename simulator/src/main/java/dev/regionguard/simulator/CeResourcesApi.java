package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Requests on a project's resources: list (token pages), create 201, GET, PATCH or PUT per kind
 * (If-Match required), DELETE 202, and an app's revisions and instances. Answers with an entity tag carry it as
 * the {@code ETag} header too.
 */
final class CeResourcesApi {

    private CeResourcesApi() {}

    static Reply handle(CeProject project, CeRoute route, CeRequest request) {
        CeKind kind = route.kind();
        String method = request.method();
        return switch (route.target()) {
            case COLLECTION ->
                switch (method) {
                    case "GET" -> new Reply(200, list(project, kind, request));
                    case "POST" -> tagged(kind, 201, project.create(kind, request.jsonBody(), false));
                    default -> throw ApiException.methodNotAllowed(method);
                };
            case RESOURCE -> resource(project, kind, route.key(), request);
            case REVISIONS -> {
                CeEndpoint.requireGet(request);
                yield new Reply(200, project.withResources(now -> {
                    CeResource app = project.find(CeKinds.APPS, route.key());
                    return TokenPage.from(request.query())
                            .render(
                                    "revisions",
                                    app.revisions().all(),
                                    AppRevision::name,
                                    revision -> CeKinds.APPS.revisionView(project, app, revision, now),
                                    project.resourceUrl("apps", app.key()) + "/revisions",
                                    Map.of());
                }));
            }
            case INSTANCES -> {
                CeEndpoint.requireGet(request);
                yield new Reply(200, project.withResources(now -> {
                    CeResource app = project.find(CeKinds.APPS, route.key());
                    return TokenPage.from(request.query())
                            .render(
                                    "instances",
                                    CeAppInstances.of(project, app, now),
                                    instance -> instance.get("name").textValue(),
                                    instance -> instance,
                                    project.resourceUrl("apps", app.key()) + "/instances",
                                    Map.of());
                }));
            }
            default -> {
                CeEndpoint.requireGet(request);
                yield new Reply(200, project.withResources(now -> {
                    CeResource app = project.find(CeKinds.APPS, route.key());
                    AppRevision revision = app.revisions().find(route.revision());
                    if (revision == null) {
                        throw ApiException.notFound(
                                "The app " + app.key() + " has no revision '" + route.revision() + "'");
                    }
                    return CeKinds.APPS.revisionView(project, app, revision, now);
                }));
            }
        };
    }

    private static Reply resource(CeProject project, CeKind kind, String key, CeRequest request) {
        String method = request.method();
        if (method.equals("GET")) {
            return tagged(kind, 200, project.withResources(now -> kind.view(project, project.find(kind, key), now)));
        }
        if (method.equals("DELETE")) {
            project.delete(kind, key, request.flag("keep_service_access"));
            return new Reply(202, null);
        }
        boolean allowed = method.equals("PATCH") && kind.update() == CeKind.Update.MERGE_PATCH
                || method.equals("PUT") && kind.update() == CeKind.Update.PUT;
        if (!allowed) {
            throw ApiException.methodNotAllowed(method);
        }
        return tagged(kind, 200, project.update(kind, key, request.ifMatch(), request.jsonBody()));
    }

    /** The kind's filter narrows the list, e.g. {@code ?format=} for secrets, {@code ?job_name=} for job runs. */
    private static ObjectNode list(CeProject project, CeKind kind, CeRequest request) {
        String filter = kind.listFilter();
        String value = filter == null ? null : request.query().get(filter);
        TokenPage page = TokenPage.from(request.query());
        return project.withResources(now -> {
            List<CeResource> items = project.resources(kind).stream()
                    .filter(resource -> value == null || value.equals(resource.text(filter)))
                    .toList();
            return page.render(
                    kind.segment(),
                    items,
                    CeResource::key,
                    resource -> kind.view(project, resource, now),
                    project.href() + "/" + kind.segment(),
                    value == null ? Map.of() : Map.of(filter, value));
        });
    }

    private static Reply tagged(CeKind kind, int status, ObjectNode view) {
        return kind.hasEntityTag()
                ? new Reply(status, view, Map.of("ETag", view.get("entity_tag").textValue()))
                : new Reply(status, view);
    }
}
