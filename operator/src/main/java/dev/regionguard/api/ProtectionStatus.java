package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Status shared by the protection resources. Only the operator writes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProtectionStatus {
    @JsonPropertyDescription("The metadata.generation this status describes.")
    public Long observedGeneration;

    @JsonPropertyDescription("Ready, StandbysInSync, CredentialsValid, in this order.")
    public List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("Standbys in sync out of all, e.g. 2/2.")
    public String standbysInSync;

    @JsonPropertyDescription("When the last sync pass ended.")
    public String lastSyncTime;

    @JsonPropertyDescription("The baseline of the shrink guard over all types: the sum of primaryInventoryByType.")
    public Integer primaryInventory;

    @JsonPropertyDescription(
            "Per entity type, the baseline of that type's shrink guard: follows the primary's count up, and down only by deletions proven on the primary or a count confirmed with the annotation regionguard.dev/confirm-primary-count.")
    public Map<String, Integer> primaryInventoryByType;

    @JsonPropertyDescription("One entry per standby, in spec order.")
    public List<StandbyStatus> standbys = new ArrayList<>();

    @JsonPropertyDescription(
            "The region that is the sync source and serves traffic; spec.primary's region until the first failover.")
    public String activeRegion;

    @JsonPropertyDescription(
            "Raised by one with every failover or relocation; a RegionFailover that set it cannot set it again.")
    public Long epoch;

    @JsonPropertyDescription(
            "Former active regions a failover took out of service: never a sync source and not synced until a Relocate brings them back.")
    public List<String> fencedRegions = new ArrayList<>();

    @JsonPropertyDescription(
            "Fenced regions whose fence could not be applied yet (they did not answer): applied as soon as they are Healthy again; nothing is synced to them meanwhile.")
    public List<String> pendingFences = new ArrayList<>();

    @JsonPropertyDescription(
            "Role and health per region, primary first then standbys in spec order; written when a region's health state or role changes, not on every probe.")
    public List<RegionStatus> regions = new ArrayList<>();

    @JsonPropertyDescription(
            "With spec.failover.quorum: each vantage point's view of the regions, the operator's own first.")
    public List<VantagePoint> vantagePoints = new ArrayList<>();

    @JsonPropertyDescription("The RegionFailover running for this protection; absent when none is.")
    public FailoverInProgress failover;

    @Size(max = 10)
    @JsonPropertyDescription(
            "The last finished failovers, relocations and drills, newest first (at most 10, of them at most 3 drills).")
    public List<FailoverRecord> failoverHistory = new ArrayList<>();
}
