package dev.regionguard.codeengine;

import static dev.regionguard.cloud.http.FakeIbmCloud.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.http.FakeIbmCloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A small in-memory Code Engine v2 behind {@link FakeIbmCloud}, with the behaviour RegionGuard
 * relies on (IBM Code Engine API v2): name-keyed resources (bindings by id), server-set fields and
 * defaults added on create, {@code entity_tag} + {@code ETag} bumped on every write, 412 on a
 * stale {@code If-Match}, merge-patch PATCH and PUT per kind, 202 deletes that finish after a
 * number of GETs, apps that deploy for a number of GETs and then get ready (or fail when their
 * image contains "broken"), and token paging. Secret list items leave {@code data} out.
 */
final class FakeCodeEngine implements FakeIbmCloud.Handler {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/codeengine/v2/projects/";

    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final AtomicLong tags = new AtomicLong(1000);
    private final List<String> calls = new ArrayList<>();
    volatile int pageSize = 100;
    volatile int getsUntilDeleted = 1;
    volatile int getsUntilAppSettles = 1;
    /** Runs before every PATCH or PUT is checked: lets a test change a resource "meanwhile". */
    volatile Consumer<ObjectNode> beforeEachUpdate = resource -> {};

    private static final class Project {
        final String region;
        final Map<String, Map<String, ObjectNode>> collections = new LinkedHashMap<>();
        final Map<String, Integer> pendingDeletes = new LinkedHashMap<>();
        final Map<String, Integer> deploying = new LinkedHashMap<>();

        Project(String region) {
            this.region = region;
        }

        Map<String, ObjectNode> collection(String path) {
            return collections.computeIfAbsent(path, p -> new LinkedHashMap<>());
        }
    }

    void addProject(String region, String projectId) {
        projects.put(projectId, new Project(region));
    }

    /** A resource as stored (the live object: changes show in later answers). */
    synchronized ObjectNode resource(String projectId, CeKind kind, String nameOrId) {
        return projects.get(projectId).collection(kind.path()).get(nameOrId);
    }

    synchronized List<ObjectNode> resources(String projectId, CeKind kind) {
        return new ArrayList<>(projects.get(projectId).collection(kind.path()).values());
    }

    /** Stores a resource the way a POST would, e.g. to seed a primary; returns it. */
    synchronized ObjectNode seed(String projectId, CeKind kind, String createBody) {
        try {
            return create(projects.get(projectId), projectId, kind, (ObjectNode) JSON.readTree(createBody));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes a resource as another writer would: the change, then a new entity tag. */
    synchronized void change(ObjectNode resource, Consumer<ObjectNode> change) {
        change.accept(resource);
        resource.put("entity_tag", String.valueOf(tags.incrementAndGet()));
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        int at = path.indexOf(PREFIX);
        if (at < 0) {
            return error(404, "not_found", "no such route");
        }
        String[] parts = path.substring(at + PREFIX.length()).split("/");
        Project project = projects.get(parts[0]);
        if (project == null) {
            return error(404, "not_found", "project not found");
        }
        String method = request.getMethod();
        calls.add(method + " " + path.substring(at + PREFIX.length() + parts[0].length())
                + Optional.ofNullable(request.getHeaders().get("If-Match"))
                        .map(t -> " If-Match=" + t)
                        .orElse(""));
        if (parts.length == 1) {
            return ok(
                    200,
                    JSON.createObjectNode()
                            .put("id", parts[0])
                            .put("name", "project")
                            .put("region", project.region)
                            .put("resource_type", "project_v2")
                            .put("status", "active"));
        }
        CeKind kind = kindOf(parts[1]);
        if (kind == null) {
            return error(404, "not_found", "no such collection");
        }
        String name = parts.length > 2 ? parts[2] : null;
        return switch (method + (name == null ? " collection" : " item")) {
            case "GET collection" -> list(project, kind, request);
            case "POST collection" -> post(project, parts[0], kind, request);
            case "GET item" -> get(project, kind, name);
            case "PATCH item", "PUT item" -> update(project, kind, name, request);
            case "DELETE item" -> delete(project, kind, name);
            default -> error(405, "method_not_allowed", method + " not allowed");
        };
    }

    private MockResponse list(Project project, CeKind kind, RecordedRequest request) {
        List<ObjectNode> all = new ArrayList<>(project.collection(kind.path()).values());
        String start = request.getUrl().queryParameter("start");
        int from = start == null ? 0 : Integer.parseInt(start.substring(1));
        int to = Math.min(all.size(), from + pageSize);
        ObjectNode page = JSON.createObjectNode().put("limit", pageSize);
        page.putObject("first").put("href", "https://example/" + kind.path() + "?limit=" + pageSize);
        ArrayNode items = page.putArray(kind.listKey());
        for (ObjectNode item : all.subList(from, to)) {
            ObjectNode copy = item.deepCopy();
            if (kind == CeKind.SECRET) {
                copy.remove("data");
            }
            items.add(copy);
        }
        if (to < all.size()) {
            page.putObject("next")
                    .put("href", "https://example/" + kind.path() + "?start=s" + to)
                    .put("start", "s" + to);
        }
        return ok(200, page);
    }

    private MockResponse get(Project project, CeKind kind, String name) {
        ObjectNode resource = project.collection(kind.path()).get(name);
        if (resource == null) {
            return error(404, "not_found", kind.path() + " not found");
        }
        String key = kind.path() + "/" + name;
        Integer deleting = project.pendingDeletes.get(key);
        if (deleting != null) {
            if (deleting <= 0) {
                project.collection(kind.path()).remove(name);
                project.pendingDeletes.remove(key);
                return error(404, "not_found", kind.path() + " not found");
            }
            project.pendingDeletes.put(key, deleting - 1);
        }
        if (kind == CeKind.APP) {
            progressApp(project, resource);
        }
        return ok(200, resource);
    }

    private MockResponse post(Project project, String projectId, CeKind kind, RecordedRequest request) {
        ObjectNode body = body(request);
        String name = CeJson.text(body, "name");
        if (kind != CeKind.BINDING && project.collection(kind.path()).containsKey(name)) {
            return error(409, "conflict", kind.path() + " with this name exists");
        }
        if (kind == CeKind.APP && name == null || kind == CeKind.SECRET && CeJson.text(body, "format") == null) {
            return error(400, "invalid_request", "required field missing");
        }
        return ok(201, create(project, projectId, kind, body));
    }

    private ObjectNode create(Project project, String projectId, CeKind kind, ObjectNode body) {
        ObjectNode resource = body.deepCopy();
        String id = kind == CeKind.BINDING
                ? UUID.randomUUID().toString().substring(0, 23)
                : UUID.randomUUID().toString();
        resource.put("id", id);
        resource.put(
                "href",
                "https://api." + project.region + ".codeengine.cloud.ibm.com/v2/projects/" + projectId + "/"
                        + kind.path() + "/" + (kind == CeKind.BINDING ? id : CeJson.text(body, "name")));
        resource.put("created_at", "2026-11-22T10:00:00Z");
        resource.put("project_id", projectId);
        resource.put("region", project.region);
        resource.put("resource_type", kind.path().replaceAll("s$", "") + "_v2");
        if (kind != CeKind.BINDING) {
            resource.put("entity_tag", String.valueOf(tags.incrementAndGet()));
        }
        switch (kind) {
            case APP -> createApp(project, resource);
            case JOB ->
                resource.putArray("computed_env_variables")
                        .addObject()
                        .put("name", "CE_PROJECT")
                        .put("value", projectId);
            case SECRET -> createSecret(resource);
            case BINDING -> resource.put("status", "active");
            case DOMAIN_MAPPING ->
                resource.put("cname_target", "custom.abc." + project.region + ".codeengine.appdomain.cloud")
                        .put("user_managed", true)
                        .put("visibility", "custom")
                        .put("status", "ready");
            case BUILD, FUNCTION, ALLOWED_OUTBOUND_DESTINATION -> resource.put("status", "ready");
            default -> {}
        }
        for (JsonNode mount : resource.path("run_volume_mounts")) {
            ((ObjectNode) mount)
                    .put(
                            "name",
                            "codeengine-mount-" + UUID.randomUUID().toString().substring(0, 6));
        }
        project.collection(kind.path()).put(kind == CeKind.BINDING ? id : CeJson.text(body, "name"), resource);
        return resource;
    }

    private void createApp(Project project, ObjectNode app) {
        String name = CeJson.text(app, "name");
        defaults(
                app,
                "image_port",
                8080,
                "scale_min_instances",
                0,
                "scale_max_instances",
                10,
                "scale_initial_instances",
                1,
                "scale_concurrency",
                100,
                "scale_request_timeout",
                300);
        if (!app.has("managed_domain_mappings")) {
            app.put("managed_domain_mappings", "local_public");
        }
        app.put("endpoint", "https://" + name + ".abc." + project.region + ".codeengine.appdomain.cloud");
        app.put("endpoint_internal", "http://" + name + ".abc.svc.cluster.local");
        app.putArray("computed_env_variables").addObject().put("name", "CE_APP").put("value", name);
        newRevision(project, app, 1);
    }

    private void newRevision(Project project, ObjectNode app, int number) {
        String name = CeJson.text(app, "name");
        app.put("status", "deploying");
        ObjectNode details = app.putObject("status_details");
        details.put("latest_created_revision", name + "-0000" + number).put("reason", "deploying");
        project.deploying.put(name, getsUntilAppSettles);
    }

    private void progressApp(Project project, ObjectNode app) {
        String name = CeJson.text(app, "name");
        Integer left = project.deploying.get(name);
        if (left == null) {
            return;
        }
        if (left > 0) {
            project.deploying.put(name, left - 1);
            return;
        }
        project.deploying.remove(name);
        ObjectNode details = (ObjectNode) app.get("status_details");
        if (CeJson.text(app, "image_reference").contains("broken")) {
            app.put("status", "failed");
            details.put("reason", "fetch_image_failed_registry_not_found");
        } else {
            app.put("status", "ready");
            details.put("latest_ready_revision", CeJson.text(details, "latest_created_revision"))
                    .put("reason", "ready");
        }
        app.put("entity_tag", String.valueOf(tags.incrementAndGet()));
    }

    private static void createSecret(ObjectNode secret) {
        secret.put("generated_by", "user");
        String format = CeJson.text(secret, "format");
        if ("service_access".equals(format)) {
            ObjectNode access = (ObjectNode) secret.get("service_access");
            ((ObjectNode) access.path("resource_key")).put("name", "generated-key");
            ((ObjectNode) access.path("role")).put("name", "Writer");
            secret.putObject("data").put("apikey", "server-made-credential");
        } else if ("service_operator".equals(format)) {
            ((ObjectNode) secret.get("service_operator"))
                    .put("apikey_id", "ApiKey-1")
                    .put("user_managed", false);
        }
    }

    private MockResponse update(Project project, CeKind kind, String name, RecordedRequest request) {
        ObjectNode resource = project.collection(kind.path()).get(name);
        if (resource == null) {
            return error(404, "not_found", kind.path() + " not found");
        }
        String method = request.getMethod();
        boolean patch = kind.updateStyle() == CeKind.UpdateStyle.MERGE_PATCH;
        if (kind.updateStyle() == CeKind.UpdateStyle.NONE || patch != method.equals("PATCH")) {
            return error(405, "method_not_allowed", method + " not allowed on " + kind.path());
        }
        String contentType = String.valueOf(request.getHeaders().get("Content-Type"));
        if (!contentType.startsWith(patch ? "application/merge-patch+json" : "application/json")) {
            return error(415, "unsupported_media_type", contentType);
        }
        beforeEachUpdate.accept(resource);
        String ifMatch = request.getHeaders().get("If-Match");
        if (ifMatch == null) {
            return error(428, "precondition_required", "If-Match is required");
        }
        if (!ifMatch.equals("*") && !ifMatch.equals(CeJson.text(resource, "entity_tag"))) {
            return error(412, "precondition_failed", "entity tag does not match");
        }
        ObjectNode body = body(request);
        if (patch) {
            mergePatch(resource, body);
        } else {
            resource.remove("data");
            resource.setAll(body);
        }
        resource.put("entity_tag", String.valueOf(tags.incrementAndGet()));
        if (kind == CeKind.APP) {
            String created = CeJson.text(resource, "status_details", "latest_created_revision");
            newRevision(project, resource, Integer.parseInt(created.substring(created.length() - 1)) + 1);
        }
        return ok(200, resource);
    }

    private static void mergePatch(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(member -> {
            JsonNode value = member.getValue();
            if (value.isNull()) {
                target.remove(member.getKey());
            } else if (value.isObject() && target.get(member.getKey()) instanceof ObjectNode nested) {
                mergePatch(nested, (ObjectNode) value);
            } else {
                target.set(member.getKey(), value.deepCopy());
            }
        });
    }

    private MockResponse delete(Project project, CeKind kind, String name) {
        if (!project.collection(kind.path()).containsKey(name)) {
            return error(404, "not_found", kind.path() + " not found");
        }
        project.pendingDeletes.putIfAbsent(kind.path() + "/" + name, getsUntilDeleted);
        return FakeIbmCloud.json(202, "{}");
    }

    private static void defaults(ObjectNode resource, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String field = (String) namesAndValues[i];
            if (!resource.has(field)) {
                resource.put(field, (Integer) namesAndValues[i + 1]);
            }
        }
    }

    private static CeKind kindOf(String path) {
        for (CeKind kind : CeKind.values()) {
            if (kind.path().equals(path)) {
                return kind;
            }
        }
        return null;
    }

    private static ObjectNode body(RecordedRequest request) {
        try {
            return (ObjectNode) JSON.readTree(request.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse ok(int status, ObjectNode body) {
        String tag = CeJson.text(body, "entity_tag");
        return tag == null ? json(status, body.toString()) : json(status, body.toString(), "ETag", tag);
    }

    static MockResponse error(int status, String code, String message) {
        return json(
                status,
                "{\"status_code\":" + status + ",\"trace\":\"trace-" + status + "\",\"errors\":[{\"code\":\"" + code
                        + "\",\"message\":\"" + message + "\"}]}");
    }
}
