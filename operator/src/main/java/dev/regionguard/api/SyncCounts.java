package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the last pass did on a standby. */
public class SyncCounts {
    @JsonPropertyDescription("Entities created on the standby.")
    public int created;

    @JsonPropertyDescription("Entities updated on the standby.")
    public int updated;

    @JsonPropertyDescription("Entities deleted from the standby.")
    public int deleted;

    @JsonPropertyDescription("Entities already equal to the primary's.")
    public int unchanged;

    @JsonPropertyDescription("Entities left out: missing secret material, missing references, ObserveOnly drift.")
    public int skipped;

    @JsonPropertyDescription("Entities whose write failed.")
    public int failed;

    public SyncCounts() {}

    public SyncCounts(int created, int updated, int deleted, int unchanged, int skipped, int failed) {
        this.created = created;
        this.updated = updated;
        this.deleted = deleted;
        this.unchanged = unchanged;
        this.skipped = skipped;
        this.failed = failed;
    }
}
