package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.IbmApiException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The Code Engine v2 API of one project. Bodies are IBM's JSON (snake_case) as they come and go
 * on the wire, unknown fields included.
 *
 * <p>Entity tags: every returned resource carries its version in {@code entity_tag}. CE puts it
 * in the body and in the {@code ETag} header; when a body lacks it, the header's value is added
 * as {@code entity_tag}, so callers have one place to look and hand it back to {@link #update}.
 *
 * <p>Every method throws {@link IbmApiException} when IBM Cloud answers with an error or not at
 * all; a 412 on {@link #update} has category {@code PRECONDITION_FAILED}.
 */
public interface CodeEngineClient {

    String region();

    String projectId();

    /** GET /projects/{id}: the cheap health probe; see {@link #isActive}. */
    ObjectNode project();

    /** Every item of a collection, all pages read to the end; throws if any page fails. */
    List<ObjectNode> list(CeKind kind);

    /** One resource by name (bindings: by id). */
    ObjectNode get(CeKind kind, String nameOrId);

    /** POST; 201, or 202 where the create is asynchronous. Returns the response body. */
    ObjectNode create(CeKind kind, ObjectNode body);

    /**
     * Merge-patch PATCH or PUT as {@link CeKind#updateStyle()} says, with {@code If-Match: etag}.
     * The body goes as given: for a PATCH, a null member removes the field.
     *
     * @param etag the {@code entity_tag} this change is based on; {@code *} overwrites any version
     */
    ObjectNode update(CeKind kind, String name, ObjectNode body, String etag);

    /** DELETE; CE answers 202 and removes the resource later (see {@link #awaitDeleted}). */
    void delete(CeKind kind, String nameOrId);

    /**
     * Polls GET until it answers 404.
     *
     * @throws CeWaitFailedException when the resource still exists after {@code timeout}
     */
    void awaitDeleted(CeKind kind, String nameOrId, Duration timeout);

    /**
     * Polls the app until {@link CeAppStatus#settled()}: ready with its latest revision, or failed.
     * Holds no thread between polls (rollouts take minutes); each GET runs on {@code executor}.
     *
     * @return the app as last read; the caller decides what {@link CeAppStatus#FAILED} means. Fails
     *     with {@link CeWaitFailedException} when it is still deploying after {@code timeout}
     */
    CompletableFuture<ObjectNode> awaitApp(String name, Duration timeout, Executor executor);

    /** A project accepts calls on its resources only while its status is {@code active}. */
    /** Starts one run of the job ({@code POST /job_runs} with its job_name); returns the run, named. */
    ObjectNode runJob(String jobName);

    /**
     * The job run once it ended (status completed or failed), read at the client's poll interval;
     * empty when it had not ended within the timeout.
     */
    Optional<ObjectNode> awaitJobRun(String runName, Duration timeout);

    static boolean isActive(ObjectNode project) {
        return "active".equals(CeJson.text(project, "status"));
    }
}
