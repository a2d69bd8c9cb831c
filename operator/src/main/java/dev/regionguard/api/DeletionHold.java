package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Deletions of one entity type a safety rule held back on a standby. */
public class DeletionHold {
    @JsonPropertyDescription("Entity type, e.g. subscription.")
    public String type;

    @JsonPropertyDescription("PrimaryTypeEmpty or PrimaryTypeShrunk.")
    public String reason;

    @JsonPropertyDescription("Deletions held back for this type.")
    public Integer count;

    @JsonPropertyDescription("What the primary listed against the type's baseline.")
    public String message;

    public DeletionHold() {}

    public DeletionHold(String type, String reason, int count, String message) {
        this.type = type;
        this.reason = reason;
        this.count = count;
        this.message = message;
    }
}
