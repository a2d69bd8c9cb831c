package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A standby entity the primary no longer has, not deleted yet. */
public class PendingDeletion {
    @JsonPropertyDescription("Entity type, e.g. topic.")
    public String type;

    @JsonPropertyDescription("Name of the entity on the standby.")
    public String name;

    @JsonPropertyDescription(
            "DeletionCapReached, PrimaryListIncomplete, PrimaryShrunk, PrimaryEmpty, PrimaryTypeShrunk, PrimaryTypeEmpty, AwaitingConfirmation (absent from one complete list of the primary; the next one decides), StillOnPrimary (the primary's list left it out but a direct read found it), ConfirmationFailed (the direct read failed) or DeletesDisabled.")
    public String reason;

    public PendingDeletion() {}

    public PendingDeletion(String type, String name, String reason) {
        this.type = type;
        this.name = name;
        this.reason = reason;
    }
}
