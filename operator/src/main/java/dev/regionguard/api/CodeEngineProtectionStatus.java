package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** Status of a Code Engine protection: the shared one plus what a failover needs to move workloads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CodeEngineProtectionStatus extends ProtectionStatus {
    @JsonPropertyDescription(
            "The active project's custom domains; a standby must not claim them until a failover moves them.")
    public List<DomainMappingRecord> domainMappings = new ArrayList<>();

    @JsonPropertyDescription("The active project's app scaling, restored on a cold standby by a failover.")
    public List<AppScalingRecord> appScaling = new ArrayList<>();
}
