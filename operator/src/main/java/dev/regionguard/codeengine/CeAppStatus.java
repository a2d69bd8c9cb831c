package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where an app stands after a write. */
public enum CeAppStatus {
    /** Status {@code ready} and the latest created revision is the one that is ready. */
    READY,
    /**
     * Status {@code failed}, or {@code ready_but_latest_revision_failed}: the old revision still
     * serves, but what was just written did not come up.
     */
    FAILED,
    /** Anything else: deploying, waiting for resources, a new revision not ready yet. */
    DEPLOYING;

    private static final String LATEST_REVISION_FAILED = "ready_but_latest_revision_failed";

    public static CeAppStatus of(ObjectNode app) {
        String status = CeJson.text(app, "status");
        if ("failed".equals(status) || LATEST_REVISION_FAILED.equals(reason(app))) {
            return FAILED;
        }
        return "ready".equals(status) && latestRevisionReady(app) ? READY : DEPLOYING;
    }

    public boolean settled() {
        return this != DEPLOYING;
    }

    /** For messages: "status failed, reason fetch_image_failed_registry_not_found". */
    public static String describe(ObjectNode app) {
        String status = CeJson.text(app, "status");
        String reason = reason(app);
        return "status " + (status == null ? "unknown" : status) + (reason == null ? "" : ", reason " + reason);
    }

    private static String reason(ObjectNode app) {
        return CeJson.text(app, "status_details", "reason");
    }

    /** Unknown revisions count as ready: older API versions do not report them. */
    private static boolean latestRevisionReady(ObjectNode app) {
        String created = CeJson.text(app, "status_details", "latest_created_revision");
        return created == null || created.equals(CeJson.text(app, "status_details", "latest_ready_revision"));
    }
}
