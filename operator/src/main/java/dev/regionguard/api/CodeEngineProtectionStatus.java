package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** Status of a Code Engine protection: the shared one plus what a failover needs to move workloads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CodeEngineProtectionStatus extends ProtectionStatus {
    @JsonPropertyDescription(
            "The custom domains of the active and every standby project, by name then region, each with its"
                    + " region's CNAME target and Code Engine's state of the mapping.")
    public List<DomainMappingRecord> domainMappings = new ArrayList<>();

    @JsonPropertyDescription(
            "With spec.edge: the CIS load balancer as last read, where it sends traffic, and CIS's health of each region's pool.")
    public EdgeStatus edge;

    @JsonPropertyDescription("The active project's app scaling, restored on a cold standby by a failover.")
    public List<AppScalingRecord> appScaling = new ArrayList<>();
}
