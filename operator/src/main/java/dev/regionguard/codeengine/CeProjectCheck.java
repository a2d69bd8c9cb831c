package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;

/**
 * Reads a side's project once and remembers the answer: a project that is missing or not active is
 * {@link CeProjectUnavailableException}, so nothing is listed from or written to it (IBM answers 403
 * {@code project_not_active} to a project still creating, which would otherwise read as a refused key).
 * Other failures (5xx, no answer, a refused key) are not remembered and surface as they are.
 */
final class CeProjectCheck {
    private final CodeEngineClient client;
    private IbmApiException unavailable;
    private boolean active;

    CeProjectCheck(CodeEngineClient client) {
        this.client = client;
    }

    /** Throws {@link CeProjectUnavailableException} unless the project exists and is active. */
    synchronized void requireActive() {
        if (active) {
            return;
        }
        if (unavailable != null) {
            throw unavailable;
        }
        ObjectNode project;
        try {
            project = client.project();
        } catch (IbmApiException e) {
            if (e.category() != ErrorCategory.NOT_FOUND) {
                throw e;
            }
            unavailable = new CeProjectUnavailableException(
                    e.status(),
                    client.region(),
                    "project " + client.projectId() + " does not exist in " + client.region(),
                    e);
            throw unavailable;
        }
        if (!CodeEngineClient.isActive(project)) {
            unavailable = new CeProjectUnavailableException(
                    200,
                    client.region(),
                    "project " + client.projectId() + " in " + client.region() + " is " + CeJson.text(project, "status")
                            + ", not active",
                    null);
            throw unavailable;
        }
        active = true;
    }
}
