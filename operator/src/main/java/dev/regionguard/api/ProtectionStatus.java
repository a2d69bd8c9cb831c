package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

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

    @JsonPropertyDescription("Entities on the primary when deletions were last allowed: the baseline of the shrink guard.")
    public Integer primaryInventory;

    @JsonPropertyDescription("One entry per standby, in spec order.")
    public List<StandbyStatus> standbys = new ArrayList<>();
}
