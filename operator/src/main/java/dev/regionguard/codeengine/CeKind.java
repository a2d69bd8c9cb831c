package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Code Engine project resources RegionGuard copies, with their wire facts
 * (IBM Code Engine API v2). Declared in restore order: what is
 * referenced by name comes before what references it.
 */
public enum CeKind {
    SECRET("secrets", UpdateStyle.PUT, Address.NAME, false),
    CONFIG_MAP("config_maps", UpdateStyle.PUT, Address.NAME, false),
    PERSISTENT_DATA_STORE("persistent_data_stores", UpdateStyle.NONE, Address.NAME, false),
    ALLOWED_OUTBOUND_DESTINATION("allowed_outbound_destinations", UpdateStyle.MERGE_PATCH, Address.NAME, false),
    BUILD("builds", UpdateStyle.MERGE_PATCH, Address.NAME, false),
    APP("apps", UpdateStyle.MERGE_PATCH, Address.NAME, true),
    JOB("jobs", UpdateStyle.MERGE_PATCH, Address.NAME, true),
    FUNCTION("functions", UpdateStyle.MERGE_PATCH, Address.NAME, true),
    BINDING("bindings", UpdateStyle.NONE, Address.ID, false),
    DOMAIN_MAPPING("domain_mappings", UpdateStyle.MERGE_PATCH, Address.NAME, false);

    /** How an existing resource is changed. */
    public enum UpdateStyle {
        /** PATCH with {@code application/merge-patch+json}: a null removes a field. */
        MERGE_PATCH,
        /** PUT with {@code application/json}: the body replaces the resource. */
        PUT,
        /** No update endpoint: a change means delete and create. */
        NONE
    }

    /** Which field goes into {@code /<path>/{...}}. */
    public enum Address {
        NAME,
        ID
    }

    private final String path;
    private final UpdateStyle updateStyle;
    private final Address address;
    private final boolean takesKeepServiceAccess;

    CeKind(String path, UpdateStyle updateStyle, Address address, boolean takesKeepServiceAccess) {
        this.path = path;
        this.updateStyle = updateStyle;
        this.address = address;
        this.takesKeepServiceAccess = takesKeepServiceAccess;
    }

    /** Path segment under {@code /projects/{id}/}. */
    public String path() {
        return path;
    }

    /** The JSON array of a list page: the same word as the path for every CE collection. */
    public String listKey() {
        return path;
    }

    public UpdateStyle updateStyle() {
        return updateStyle;
    }

    public Address address() {
        return address;
    }

    /** The value that addresses {@code entity} in a path: its name, or its id for bindings. */
    public String addressOf(ObjectNode entity) {
        String field = address == Address.ID ? "id" : "name";
        return CeJson.text(entity, field);
    }

    /**
     * Deletes of apps, jobs and functions take {@code keep_service_access}; without it the server
     * also removes their service-access secrets and bindings, which the sync manages itself.
     */
    public boolean takesKeepServiceAccess() {
        return takesKeepServiceAccess;
    }
}
