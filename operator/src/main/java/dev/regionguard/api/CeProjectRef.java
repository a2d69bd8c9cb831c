package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A Code Engine project: its region and ID. */
public class CeProjectRef implements SideRef {
    @Required
    @Pattern(EnInstanceRef.REGION)
    @ValidationRule(value = IbmRegions.CODE_ENGINE_RULE, messageExpression = IbmRegions.CODE_ENGINE_MESSAGE)
    @Size(max = 16) // read by a CEL rule: the API server's cost estimate needs a bound
    @JsonPropertyDescription("IBM Cloud region with Code Engine (not ca-mon or in-mum), e.g. us-south.")
    public String region;

    @Required
    @Pattern(EnInstanceRef.GUID)
    @JsonPropertyDescription("ID of the Code Engine project (a UUID).")
    public String projectId;

    public CeProjectRef() {}

    public CeProjectRef(String region, String projectId) {
        this.region = region;
        this.projectId = projectId;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String id() {
        return projectId;
    }
}
