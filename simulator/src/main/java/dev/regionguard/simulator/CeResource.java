package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One stored Code Engine resource: the client's fields after defaults ({@code spec}), the fields the
 * server fixed at creation, and its lifecycle. Guarded by its project's lock, except the deletion
 * deadline, which domain claims of other projects read.
 */
final class CeResource {

    private final CeKind kind;
    private final String key;
    private final String id;
    private final String createdAt;
    private final ObjectNode serverFields = Json.object();
    private final AppRevisions revisions;
    private ObjectNode spec;
    private String entityTag;
    /** Functions: when the latest write is deployed. */
    private Instant settlesAt = Instant.MIN;
    /** Job and build runs: when pending ends; {@code settlesAt} is when the run ends. */
    private Instant startsAt = Instant.MIN;
    /** Job and build runs: whether the run fails, decided when it is made. */
    private boolean fails;

    private volatile Instant goneAt;

    CeResource(CeKind kind, String key, String id, String createdAt, ObjectNode spec, String entityTag) {
        this.kind = kind;
        this.key = key;
        this.id = id;
        this.createdAt = createdAt;
        this.spec = spec;
        this.entityTag = entityTag;
        this.revisions = kind.hasRevisions() ? new AppRevisions(key) : null;
    }

    CeKind kind() {
        return kind;
    }

    /** The name, or the id for kinds addressed by id (bindings). */
    String key() {
        return key;
    }

    String id() {
        return id;
    }

    String createdAt() {
        return createdAt;
    }

    /** The stored client fields; callers must not change them (see {@link #replaceSpec}). */
    ObjectNode spec() {
        return spec;
    }

    String text(String field) {
        return spec.path(field).textValue();
    }

    /** Fixed at creation, e.g. a secret's generated_by or a domain mapping's cname_target. */
    ObjectNode serverFields() {
        return serverFields;
    }

    String entityTag() {
        return entityTag;
    }

    AppRevisions revisions() {
        return revisions;
    }

    Instant settlesAt() {
        return settlesAt;
    }

    void settlesAt(Instant when) {
        settlesAt = when;
    }

    Instant startsAt() {
        return startsAt;
    }

    void startsAt(Instant when) {
        startsAt = when;
    }

    boolean fails() {
        return fails;
    }

    void fails(boolean failing) {
        fails = failing;
    }

    void replaceSpec(ObjectNode newSpec, String newEntityTag) {
        spec = newSpec;
        entityTag = newEntityTag;
    }

    void startDeleting(Instant until, String newEntityTag) {
        goneAt = until;
        entityTag = newEntityTag;
    }

    boolean deleting() {
        return goneAt != null;
    }

    boolean goneAt(Instant now) {
        Instant until = goneAt;
        return until != null && !now.isBefore(until);
    }

    /** Exists for references: not being deleted. */
    boolean live() {
        return goneAt == null;
    }
}
