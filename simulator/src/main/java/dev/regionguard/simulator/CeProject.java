package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One Code Engine project: {@code creating} until its activation delay has passed, then
 * {@code active}. A DELETE is a soft delete, as IBM's: {@code deleting}, then {@code soft_deleted}
 * (still read and listed, its name still taken) for the retention period, then gone (404). Its
 * resources are served only while it is active (403 otherwise). Every read and write of resources
 * holds the project's lock, so name checks and references cannot race.
 */
final class CeProject {

    static final String ACCOUNT_ID = "4c7a3b2e9d1f40e6b8a5c2d9e0f1a3b7";
    static final String DEFAULT_RESOURCE_GROUP = "0be5ad401ae913d8ff665d92680664ed";
    private static final String SUBDOMAIN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final String name;
    private final String region;
    private final String resourceGroupId;
    private final String createdAt;
    private final String subdomain;
    private final CeContext context;
    private final Instant activeAt;
    private final Map<CeKind, CeCollection> collections = new LinkedHashMap<>();
    private volatile Instant softDeletedAt;
    private volatile Instant goneAt;

    CeProject(String id, String name, String region, String resourceGroupId, Duration activation, CeContext context) {
        this.id = id;
        this.name = name;
        this.region = region;
        this.resourceGroupId = resourceGroupId;
        this.context = context;
        this.createdAt = context.timestamp();
        this.activeAt = context.now().plus(activation);
        this.subdomain = randomSubdomain();
        CeKinds.ALL.forEach(kind -> collections.put(kind, new CeCollection()));
        CeKinds.RUNS.forEach(kind -> collections.put(kind, new CeCollection()));
        collections
                .get(CeKinds.SECRETS)
                .put(CeSecretKind.systemRegistrySecret(this, context.timestamp(), context.nextEntityTag()));
    }

    private static String randomSubdomain() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            sb.append(SUBDOMAIN_CHARS.charAt(RANDOM.nextInt(SUBDOMAIN_CHARS.length())));
        }
        return sb.toString();
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String region() {
        return region;
    }

    /** The project's random part of its app host names, e.g. {@code vg67hzldruk}. */
    String subdomain() {
        return subdomain;
    }

    CeTimings timings() {
        return context.timings();
    }

    String timestamp() {
        return context.timestamp();
    }

    boolean imageFails(String imageReference) {
        return context.imageFails(imageReference);
    }

    String href() {
        return context.apiUrl(region) + "/projects/" + id;
    }

    String resourceUrl(String segment, String key) {
        return href() + "/" + segment + "/" + key;
    }

    String appUrl(String appName) {
        return context.appUrl(region, id, appName);
    }

    // ---- lifecycle

    /** Values of IBM's {@code Project.Status}; the simulator never fails, so no {@code *_failed}. */
    String status(Instant now) {
        Instant deleted = softDeletedAt;
        if (deleted != null) {
            return now.isBefore(deleted) ? "deleting" : "soft_deleted";
        }
        return now.isBefore(activeAt) ? "creating" : "active";
    }

    /** The DELETE has completed: soft-deleted, or gone since. */
    boolean softDeleted(Instant now) {
        Instant deleted = softDeletedAt;
        return deleted != null && !now.isBefore(deleted);
    }

    /** Permanently deleted: the retention period after the soft delete is over. */
    boolean goneAt(Instant now) {
        Instant until = goneAt;
        return until != null && !now.isBefore(until);
    }

    /** DELETE (again: no change). The v2 API has no hard delete; IBM's CLI and console do that. */
    synchronized void startDeleting() {
        if (softDeletedAt == null) {
            Instant deleted = context.now().plus(context.timings().deleteCompletes());
            goneAt = deleted.plus(context.timings().softDeleteRetention());
            softDeletedAt = deleted;
        }
    }

    ObjectNode view(Instant now) {
        ObjectNode view = Json.object();
        view.put("account_id", ACCOUNT_ID);
        view.put("created_at", createdAt);
        view.put("crn", "crn:v1:bluemix:public:codeengine:" + region + ":a/" + ACCOUNT_ID + ":" + id + "::");
        view.put("href", href());
        view.put("id", id);
        view.put("name", name);
        view.put("region", region);
        view.put("resource_group_id", resourceGroupId);
        view.put("resource_type", "project_v2");
        view.put("status", status(now));
        return view;
    }

    /** {@code GET /projects/{id}/status_details}: everything enabled and ready once active. */
    ObjectNode statusDetails(Instant now) {
        boolean active = status(now).equals("active");
        ObjectNode details = Json.object();
        details.put("project", active ? "enabled" : "disabled");
        details.put("domain", active ? "ready" : "unknown");
        details.put("vpe", active ? "ready" : "unknown");
        details.put("vpe_not_enabled", false);
        // no context-based restriction rules: nothing enforced, inbound traffic allowed
        details.putObject("cbr")
                .putObject("data_plane")
                .put("enforcement", "none")
                .put("inbound_private", "allowed")
                .put("inbound_public", "allowed");
        return details;
    }

    // ---- resources (callers of the package-private helpers hold the lock)

    /**
     * Runs {@code work} on the project's resources at one instant, after dropping those whose
     * deletion completed; 403 unless the project is active.
     */
    <T> T withResources(Function<Instant, T> work) {
        return inspect(now -> {
            String status = status(now);
            if (!status.equals("active")) {
                throw new ApiException(
                        403,
                        "project_not_active",
                        "The project " + id + " is " + status + "; its resources can be used once it is active");
            }
            return work.apply(now);
        });
    }

    /** The same whatever the project's status: for app traffic, snapshots and the control API. */
    synchronized <T> T inspect(Function<Instant, T> work) {
        Instant now = context.now();
        collections.values().forEach(collection -> collection.purge(now));
        return work.apply(now);
    }

    /** Sorted by key, resources being deleted included. */
    List<CeResource> resources(CeKind kind) {
        return collections.get(kind).all();
    }

    /** The resource if it exists and is not being deleted, else null. */
    CeResource live(CeKind kind, String key) {
        CeResource resource = collections.get(kind).get(key);
        return resource != null && resource.live() ? resource : null;
    }

    /** The resource, being deleted or not; null when there is none. */
    CeResource existing(CeKind kind, String key) {
        return collections.get(kind).get(key);
    }

    /** The resource, being deleted or not; 404 when there is none. */
    CeResource find(CeKind kind, String key) {
        CeResource resource = collections.get(kind).get(key);
        if (resource == null) {
            throw ApiException.notFound("The " + kind.label() + " '" + key + "' does not exist in project " + id);
        }
        return resource;
    }

    /** Validates and stores a new resource; {@code settled} makes it ready at once (seeding). */
    ObjectNode create(CeKind kind, ObjectNode body, boolean settled) {
        return withResources(now -> {
            ObjectNode fields = body.deepCopy();
            String resourceId = kind.newId();
            String key = resourceId;
            if (kind.keyedByName()) {
                String name = Json.text(fields, "name");
                key = kind.checkName(name == null ? kind.generatedName(this, fields) : name);
                fields.remove("name");
                CeResource existing = collections.get(kind).get(key);
                if (existing != null) {
                    throw ApiException.conflict("A " + kind.label() + " named '" + key + "' already exists"
                            + (existing.deleting() ? " and is being deleted; create it again once it is gone" : ""));
                }
            }
            ObjectNode spec = kind.schema().create(kind.prepare(this, fields));
            kind.complete(spec);
            kind.validate(this, spec, null);
            CeResource resource =
                    new CeResource(kind, key, resourceId, context.timestamp(), spec, context.nextEntityTag());
            kind.created(this, resource, now);
            collections.get(kind).put(resource);
            kind.specWritten(this, resource, now, settled);
            return kind.view(this, resource, now);
        });
    }

    /** PATCH (merge) or PUT per the kind, guarded by If-Match; a change that changes nothing keeps the tag. */
    ObjectNode update(CeKind kind, String key, String ifMatch, ObjectNode body) {
        return withResources(now -> {
            CeResource resource = find(kind, key);
            kind.checkChangeable(resource);
            if (resource.deleting()) {
                throw ApiException.conflict("The " + kind.label() + " '" + key + "' is being deleted");
            }
            EntityTags.requireMatch(ifMatch, resource.entityTag());
            ObjectNode spec = kind.update() == CeKind.Update.PUT
                    ? kind.schema().replace(resource.spec(), body)
                    : kind.schema().patch(resource.spec(), body);
            kind.complete(spec);
            kind.validate(this, spec, resource);
            if (!spec.equals(resource.spec())) {
                resource.replaceSpec(spec, context.nextEntityTag());
                kind.specWritten(this, resource, now, false);
            }
            return kind.view(this, resource, now);
        });
    }

    /** Starts the asynchronous delete (again: no change); what goes with the resource goes too. */
    void delete(CeKind kind, String key, boolean keepServiceAccess) {
        withResources(now -> {
            CeResource resource = find(kind, key);
            kind.checkChangeable(resource);
            if (!resource.deleting()) {
                List<CeResource> dependents = kind.deletedWith(this, resource, keepServiceAccess);
                Instant until = now.plus(context.timings().deleteCompletes());
                resource.startDeleting(until, context.nextEntityTag());
                dependents.forEach(dependent -> dependent.startDeleting(until, context.nextEntityTag()));
            }
            return null;
        });
    }

    void claimDomain(CeResource mapping, Instant now) {
        context.domainClaims().claim(mapping.key(), this, mapping, now);
    }

    /** The other project of this region whose mapping holds {@code mapping}'s domain, or null. */
    CeProject domainHeldByOther(CeResource mapping, Instant now) {
        return context.domainClaims().heldByOther(mapping.key(), this, mapping, now);
    }
}
