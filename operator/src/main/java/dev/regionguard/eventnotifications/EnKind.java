package dev.regionguard.eventnotifications;

/**
 * The Event Notifications collections RegionGuard copies, with their wire facts
 * (IBM Event Notifications API). Declared in restore order.
 */
public enum EnKind {
    INTEGRATION("integrations", "integrations", UpdateMethod.PUT, false, false),
    SOURCE("sources", "sources", UpdateMethod.PATCH, false, true),
    SMTP_CONFIG("smtp/config", "smtp_configurations", UpdateMethod.PATCH, false, true),
    /** Nested: {@code /smtp/config/{config_id}/users}. */
    SMTP_USER("users", "users", UpdateMethod.PATCH, false, true),
    DESTINATION("destinations", "destinations", UpdateMethod.PATCH, true, true),
    TEMPLATE("templates", "templates", UpdateMethod.PUT, false, true),
    TOPIC("topics", "topics", UpdateMethod.PUT, false, true),
    SUBSCRIPTION("subscriptions", "subscriptions", UpdateMethod.PATCH, false, true),
    /** Nested: {@code /destinations/{destination_id}/tag_subscriptions}; IBM has no update (create and delete only). */
    TAG_SUBSCRIPTION("tag_subscriptions", "tag_subscriptions", UpdateMethod.PUT, false, true);

    public enum UpdateMethod {
        PUT,
        PATCH
    }

    private final String path;
    private final String listKey;
    private final UpdateMethod updateMethod;
    private final boolean multipart;
    private final boolean deletable;

    EnKind(String path, String listKey, UpdateMethod updateMethod, boolean multipart, boolean deletable) {
        this.path = path;
        this.listKey = listKey;
        this.updateMethod = updateMethod;
        this.multipart = multipart;
        this.deletable = deletable;
    }

    /** Path segment under {@code /v1/instances/{id}/} (for SMTP users: under the SMTP config). */
    public String path() {
        return path;
    }

    /** The JSON array that holds the items of a list response. */
    public String listKey() {
        return listKey;
    }

    public UpdateMethod updateMethod() {
        return updateMethod;
    }

    /** Create and update bodies are multipart/form-data (destinations). */
    public boolean multipart() {
        return multipart;
    }

    /** Lives under another entity and has its own client methods. */
    public boolean nested() {
        return this == SMTP_USER || this == TAG_SUBSCRIPTION;
    }

    /** Integrations have no DELETE endpoint. */
    public boolean deletable() {
        return deletable;
    }
}
