package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Code Engine project as a side of a sync. Writes follow CE's rules:
 * <ul>
 *   <li>updates carry {@code If-Match} with the entity tag of the resource read in this pass; on
 *       412 the resource is read again and, if it still differs from what is wanted and can
 *       still be updated, the update is recomputed against it and sent once more with its tag;</li>
 *   <li>deletes wait until the resource is gone (CE deletes asynchronously), so a delete and
 *       create of the same name in one pass works;</li>
 *   <li>after an app is created or updated, {@link #settle} follows it until it is ready or failed
 *       without holding a sync lane (the engine writes other apps meanwhile); failed (or not ready
 *       in time) fails the write with a {@link CeWaitFailedException}, which
 *       the engine shows like any failed write. A later pass finds the configuration equal and
 *       does not report it again: watching app health is the health check's job.</li>
 * </ul>
 * The project must exist and be active ({@link CeProjectCheck}). Only types from {@link CeEntityTypes} are accepted.
 */
public final class CeEntityStore implements EntityStore {
    private static final Logger LOG = LoggerFactory.getLogger(CeEntityStore.class);

    private final CodeEngineClient client;
    private final Settings settings;
    private final CeProjectCheck project;

    /**
     * @param appReadyTimeout how long a write follows an app to ready or failed
     * @param deleteTimeout   how long a delete waits for the resource to be gone
     */
    public record Settings(Duration appReadyTimeout, Duration deleteTimeout) {
        public Settings {
            Objects.requireNonNull(appReadyTimeout, "appReadyTimeout");
            Objects.requireNonNull(deleteTimeout, "deleteTimeout");
        }

        /** Terraform waits up to 10 min for apps; a sync pass should not block that long. */
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(5), Duration.ofMinutes(5));
        }
    }

    public CeEntityStore(CodeEngineClient client, Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.project = new CeProjectCheck(client);
    }

    @Override
    public String describe() {
        return client.region() + "/" + client.projectId();
    }

    /**
     * Without what the type hides (system secrets). Only from an active project: a missing or
     * inactive one fails every list (once read per store, so once per pass), and the engine then
     * writes nothing to it.
     */
    @Override
    public List<ObjectNode> list(EntityType type) {
        CeEntityType ce = ce(type);
        project.requireActive();
        return client.list(ce.kind()).stream().filter(ce::visible).toList();
    }

    @Override
    public ObjectNode read(EntityType type, ObjectNode listItem) {
        CeEntityType ce = ce(type);
        return client.get(ce.kind(), address(ce, listItem));
    }

    /** CE addresses resources by name: the id is the name. */
    @Override
    public ObjectNode find(EntityType type, String id) {
        return IbmApiException.nullIfNotFound(() -> client.get(ce(type).kind(), id));
    }

    @Override
    public ObjectNode create(EntityType type, Desired desired) {
        CeEntityType ce = ce(type);
        ObjectNode created = client.create(ce.kind(), desired.body());
        return created;
    }

    @Override
    public ObjectNode update(EntityType type, ObjectNode current, Desired desired) {
        CeEntityType ce = ce(type);
        String name = address(ce, current);
        ObjectNode base = CeJson.text(current, "entity_tag") != null ? current : client.get(ce.kind(), name);
        ObjectNode updated;
        try {
            updated = client.update(ce.kind(), name, ce.updateBody(base, desired), entityTag(ce, base));
        } catch (IbmApiException e) {
            if (e.category() != ErrorCategory.PRECONDITION_FAILED) {
                throw e;
            }
            updated = updateChangedResource(ce, name, desired, e);
        }
        return updated;
    }

    /** An app written is followed until it is ready or failed; other kinds are settled when written. */
    @Override
    public CompletableFuture<ObjectNode> settle(EntityType type, ObjectNode written, Executor executor) {
        CeEntityType ce = ce(type);
        return ce.kind() == CeKind.APP
                ? followApp(address(ce, written), executor)
                : CompletableFuture.completedFuture(written);
    }

    /** Waits until the resource is gone; one that is gone already counts as deleted. */
    @Override
    public void delete(EntityType type, ObjectNode current) {
        CeEntityType ce = ce(type);
        String nameOrId = address(ce, current);
        try {
            client.delete(ce.kind(), nameOrId);
        } catch (IbmApiException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return;
            }
            throw e;
        }
        client.awaitDeleted(ce.kind(), nameOrId, settings.deleteTimeout());
    }

    @Override
    public String toString() {
        return "CeEntityStore(" + describe() + ")";
    }

    /**
     * Someone changed the resource since it was read: decide again on what it is now, rather
     * than overwrite it blindly. Retried once; a second 412 fails the write for this pass.
     */
    private ObjectNode updateChangedResource(CeEntityType ce, String name, Desired desired, IbmApiException stale) {
        ObjectNode fresh = client.get(ce.kind(), name);
        ObjectNode freshComparable = ce.comparable(fresh);
        if (freshComparable.equals(desired.comparable())) {
            LOG.debug("{} '{}' on {} changed meanwhile and is already as wanted", ce.name(), name, describe());
            return fresh;
        }
        if (ce.needsReplace(desired, freshComparable)) {
            // It changed in a way an update cannot undo; the next pass replaces it
            throw stale;
        }
        LOG.info("{} '{}' on {} changed since it was read; updating the new version", ce.name(), name, describe());
        return client.update(ce.kind(), name, ce.updateBody(fresh, desired), entityTag(ce, fresh));
    }

    private CompletableFuture<ObjectNode> followApp(String name, Executor executor) {
        return client.awaitApp(name, settings.appReadyTimeout(), executor).thenApply(app -> {
            if (CeAppStatus.of(app) == CeAppStatus.FAILED) {
                throw new CeWaitFailedException(
                        CeWaitFailedException.APP_FAILED,
                        "app " + name + " went to failed (" + CeAppStatus.describe(app) + ")",
                        client.region());
            }
            return app;
        });
    }

    private String entityTag(CeEntityType ce, ObjectNode resource) {
        String tag = CeJson.text(resource, "entity_tag");
        if (tag == null) {
            throw new IbmApiException(
                    200,
                    ErrorCategory.UNEXPECTED,
                    null,
                    ce.name() + " '" + ce.key(resource) + "' has no entity tag; not updated without one",
                    null,
                    client.region(),
                    null,
                    null);
        }
        return tag;
    }

    private String address(CeEntityType ce, ObjectNode resource) {
        String address = ce.id(resource);
        if (address == null) {
            throw new IbmApiException(
                    200,
                    ErrorCategory.UNEXPECTED,
                    null,
                    ce.name() + " without " + (ce.kind().address() == CeKind.Address.ID ? "id" : "name"),
                    null,
                    client.region(),
                    null,
                    null);
        }
        return address;
    }

    private static CeEntityType ce(EntityType type) {
        if (type instanceof CeEntityType ce) {
            return ce;
        }
        throw new IllegalArgumentException("not a Code Engine type: " + type.name());
    }
}
