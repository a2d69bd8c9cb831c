package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One Code Engine resource kind under {@code /projects/{id}/<segment>}: its schema, how it is
 * updated, the references it must satisfy and the fields the server adds. Kinds are stateless;
 * callers hold the project's lock.
 */
abstract class CeKind {

    /** How the kind's resources change after creation. */
    enum Update {
        MERGE_PATCH,
        PUT,
        NONE
    }

    private final String segment;
    private final String label;
    private final String resourceType;
    private final CeNames names;
    private final Update update;
    private final CeSchema schema;

    /** {@code names} null: addressed by a server id instead of a name (bindings). */
    CeKind(String segment, String label, String resourceType, CeNames names, Update update, CeSchema schema) {
        this.segment = segment;
        this.label = label;
        this.resourceType = resourceType;
        this.names = names;
        this.update = update;
        this.schema = schema;
    }

    /** Path segment and list key, e.g. {@code config_maps}. */
    final String segment() {
        return segment;
    }

    /** For messages, e.g. "config map". */
    final String label() {
        return label;
    }

    final Update update() {
        return update;
    }

    final CeSchema schema() {
        return schema;
    }

    final boolean keyedByName() {
        return names != null;
    }

    /** The name from a create body, or 400. */
    final String checkName(String name) {
        return names.check(name, label);
    }

    /** The id of a new resource; kinds addressed by id use it as their key. */
    String newId() {
        return UUID.randomUUID().toString();
    }

    boolean hasEntityTag() {
        return true;
    }

    boolean hasRevisions() {
        return false;
    }

    /** The kind's {@code resource_type}, e.g. {@code app_v2}; component references name it. */
    final String resourceType() {
        return resourceType;
    }

    /** One resource's {@code resource_type}; secrets refine it by format. */
    String resourceType(CeResource resource) {
        return resourceType;
    }

    /** A name when the create body has none; null: the name is required. */
    String generatedName(CeProject project, ObjectNode fields) {
        return null;
    }

    /** The create body before the schema sees it; runs fill it from the job or build they run. */
    ObjectNode prepare(CeProject project, ObjectNode fields) {
        return fields;
    }

    /** The query parameter that narrows a list to one field's value, e.g. a secret's {@code format}. */
    String listFilter() {
        return null;
    }

    /** Defaults that depend on other fields, after the schema's own. */
    void complete(ObjectNode spec) {}

    /** Checks references and rules across fields of a complete spec; {@code existing} is null on create. */
    void validate(CeProject project, ObjectNode spec, CeResource existing) {}

    /** Fixes server fields and makes claims; the last step before a new resource is stored. */
    void created(CeProject project, CeResource resource, Instant now) {}

    /** After creation and after every update that changed the spec; {@code settled} skips the delays. */
    void specWritten(CeProject project, CeResource resource, Instant now, boolean settled) {}

    /** Fields that change with time or with other resources: status, endpoints, computed env. */
    void addLiveFields(CeProject project, CeResource resource, ObjectNode view, Instant now) {}

    /** Refuses changes to resources clients do not own (403). */
    void checkChangeable(CeResource resource) {}

    /** Resources that go with this one when it is deleted. */
    List<CeResource> deletedWith(CeProject project, CeResource resource, boolean keepServiceAccess) {
        return List.of();
    }

    /** What GET shows: server fields, the spec, then live fields; {@code deleting} overrides the status. */
    final ObjectNode view(CeProject project, CeResource resource, Instant now) {
        ObjectNode view = Json.object();
        if (keyedByName()) {
            view.put("name", resource.key());
        }
        view.put("id", resource.id());
        view.put("href", project.resourceUrl(segment, resource.key()));
        view.put("created_at", resource.createdAt());
        if (hasEntityTag()) {
            view.put("entity_tag", resource.entityTag());
        }
        view.put("project_id", project.id());
        view.put("region", project.region());
        view.put("resource_type", resourceType(resource));
        view.setAll(resource.spec().deepCopy());
        view.setAll(resource.serverFields().deepCopy());
        addLiveFields(project, resource, view, now);
        if (resource.deleting()) {
            view.put("status", "deleting");
            view.putObject("status_details").put("reason", "deleting");
        }
        return view;
    }

    static void status(ObjectNode view, String status, String reason) {
        view.put("status", status);
        view.putObject("status_details").put("reason", reason);
    }
}
