package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.SyncContext;
import dev.regionguard.sync.Translation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Code Engine resource kind for the sync engine. CE resources are keyed by name in every
 * project, so nothing is remapped: a resource's create body is the primary's resource without
 * server fields ({@link CeNormal}), and both sides are compared in that form.
 *
 * <p>Subclasses change single steps: {@link #project} (what a resource is, as a create body),
 * {@link #adjust} (what the standby should differ in), {@link #comparableForm} (what is compared).
 */
public class CeEntityType implements EntityType {
    private final String name;
    private final CeKind kind;
    private final Set<String> dependsOn;
    private final boolean listItemComplete;
    private final Set<String> createOnlyFields;

    /**
     * @param listItemComplete CE list items are whole resources; false makes the engine read each
     *                         changed one with a GET
     * @param createOnlyFields fields the update endpoint cannot change: a difference there means
     *                         delete and create
     */
    CeEntityType(
            String name, CeKind kind, Set<String> dependsOn, boolean listItemComplete, Set<String> createOnlyFields) {
        this.name = name;
        this.kind = kind;
        this.dependsOn = Set.copyOf(dependsOn);
        this.listItemComplete = listItemComplete;
        this.createOnlyFields = Set.copyOf(createOnlyFields);
    }

    @Override
    public String name() {
        return name;
    }

    public CeKind kind() {
        return kind;
    }

    @Override
    public Set<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public String key(ObjectNode entity) {
        return CeJson.text(entity, "name");
    }

    /** What addresses the resource in a path: its name (bindings: the server's id). */
    @Override
    public String id(ObjectNode entity) {
        return kind.addressOf(entity);
    }

    @Override
    public boolean builtIn(ObjectNode entity) {
        return false;
    }

    /** False for resources the sync must not see at all; the store leaves them out of lists. */
    boolean visible(ObjectNode listItem) {
        return true;
    }

    @Override
    public boolean listItemComplete() {
        return listItemComplete;
    }

    /** CE's {@code entity_tag}: it changes with every change of the resource. */
    @Override
    public String changeMarker(ObjectNode listItem) {
        return CeJson.text(listItem, "entity_tag");
    }

    @Override
    public Translation translate(ObjectNode source, SyncContext context) {
        ObjectNode body = adjust(project(source));
        Optional<String> missing = CeRegionalRewrite.rewrite(body, context.overrides());
        if (missing.isPresent()) {
            return new Translation.Skip("MissingOverride", name + " '" + key(source) + "': " + missing.get());
        }
        return new Translation.Write(new Desired(key(source), body, comparableForm(body.deepCopy()), List.of(), null));
    }

    @Override
    public ObjectNode comparable(ObjectNode target, SyncContext context) {
        return comparable(target);
    }

    /** {@link #comparable(ObjectNode, SyncContext)} without a context: CE needs none. */
    public ObjectNode comparable(ObjectNode entity) {
        return comparableForm(project(entity));
    }

    @Override
    public boolean needsReplace(Desired desired, ObjectNode targetComparable) {
        if (kind.updateStyle() == CeKind.UpdateStyle.NONE) {
            return true;
        }
        return createOnlyFields.stream()
                .anyMatch(field -> !Objects.equals(desired.comparable().get(field), targetComparable.get(field)));
    }

    /**
     * The body that turns {@code current} into {@code desired}: for PUT the whole create body
     * without its name; for PATCH a merge patch against {@code current}, so fields the primary
     * no longer has are removed with a null.
     */
    ObjectNode updateBody(ObjectNode current, Desired desired) {
        ObjectNode body = switch (kind.updateStyle()) {
            case PUT -> desired.body().deepCopy();
            case MERGE_PATCH -> MergePatch.between(project(current), desired.body());
            case NONE -> throw new IllegalStateException(name + " has no update");
        };
        body.remove("name");
        return body;
    }

    /** The resource as a create body. */
    ObjectNode project(ObjectNode entity) {
        return CeNormal.createBody(entity);
    }

    /** How the standby's body differs from the primary's; the same by default. */
    ObjectNode adjust(ObjectNode body) {
        return body;
    }

    /** The part of a create body that is compared (may change {@code body} itself); all of it by default. */
    ObjectNode comparableForm(ObjectNode body) {
        return body;
    }

    @Override
    public String toString() {
        return "CeEntityType(" + name + ")";
    }
}
