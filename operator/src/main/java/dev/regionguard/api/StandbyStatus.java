package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** How one standby fared in the last sync pass. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StandbyStatus {
    @JsonPropertyDescription("Region of this standby.")
    public String region;

    @JsonPropertyDescription("Event Notifications instance of this standby.")
    public String instanceId;

    @JsonPropertyDescription("Code Engine project of this standby.")
    public String projectId;

    @JsonPropertyDescription("True when the last pass reached the standby and left nothing out of sync.")
    public Boolean inSync;

    @JsonPropertyDescription("When the last pass for this standby ended, successful or not.")
    public String lastSyncTime;

    @JsonPropertyDescription("When a pass last completed with every entity in sync (the recovery point).")
    public String lastSuccessfulSyncTime;

    @JsonPropertyDescription("Why the standby could not be synced, when it could not.")
    public String message;

    @JsonPropertyDescription("What the last pass did on this standby, per outcome.")
    public SyncCounts counts;

    @JsonPropertyDescription(
            "Event Notifications: the Secrets RegionGuard created, one per SMTP user it created on this standby, holding the username and the password IBM returns only once (keys username, password, domain, smtpConfigId, userId).")
    public List<String> smtpUserSecrets;

    @JsonPropertyDescription(
            "The last proof that this standby works (spec.verification); absent before the first or without spec.verification.")
    public StandbyVerification verification;

    @JsonPropertyDescription("Entities the last pass could not sync, with the reason (at most 50).")
    public List<UnsyncedEntity> unsyncedEntities = new ArrayList<>();

    @JsonPropertyDescription("Deletions the safety rules held back (at most 50).")
    public List<PendingDeletion> pendingDeletions = new ArrayList<>();

    @JsonPropertyDescription(
            "Entity types whose deletions the per-type guard held back: the primary listed none of the type, or far fewer than its baseline.")
    public List<DeletionHold> deletionHolds = new ArrayList<>();

    @JsonPropertyDescription(
            "References to another region found in this standby's copy and not accepted by spec.regionIndependence (at most 20).")
    public List<RegionReferenceFinding> regionReferences;

    @JsonPropertyDescription(
            "How many references to another region the copy holds that are not accepted; absent before the first audit.")
    public Integer regionReferenceCount;

    @JsonPropertyDescription(
            "How many references to another region the copy holds that spec.regionIndependence accepts.")
    public Integer acceptedRegionReferenceCount;
}
