package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A standby entity the primary no longer has, not deleted yet. */
public class PendingDeletion {
    @JsonPropertyDescription("Entity type, e.g. topic.")
    public String type;

    @JsonPropertyDescription("Name of the entity on the standby.")
    public String name;

    @JsonPropertyDescription(
            "DeletionCapReached, PrimaryListIncomplete, PrimaryShrunk, PrimaryEmpty or DeletesDisabled.")
    public String reason;

    public PendingDeletion() {}

    public PendingDeletion(String type, String name, String reason) {
        this.type = type;
        this.name = name;
        this.reason = reason;
    }
}
