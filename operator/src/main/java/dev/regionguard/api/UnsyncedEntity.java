package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An entity a pass could not sync. */
public class UnsyncedEntity {
    @JsonPropertyDescription("Entity type, e.g. destination.")
    public String type;

    @JsonPropertyDescription("Name of the entity on the primary.")
    public String name;

    @JsonPropertyDescription(
            "CamelCase reason, e.g. MissingSecret, MissingTemplateBody, WriteFailed, WriteNotApplied (the standby still differs after our update; the message names the fields).")
    public String reason;

    @JsonPropertyDescription("Human-readable detail.")
    public String message;

    public UnsyncedEntity() {}

    public UnsyncedEntity(String type, String name, String reason, String message) {
        this.type = type;
        this.name = name;
        this.reason = reason;
        this.message = message;
    }
}
