package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** What the primary's regional references become in one standby's region (Event Notifications). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class EnRegionalOverrides {
    @Size(max = 3)
    @JsonPropertyDescription("Integrations by the primary's type: the standby region's KMS, HPCS or COS instance.")
    public List<EnIntegrationOverride> integrations = new ArrayList<>();

    @Size(max = 32)
    @JsonPropertyDescription("Code Engine projects that ibmce destinations target, and their standby projects.")
    public List<CodeEngineTargetOverride> codeEngineProjects = new ArrayList<>();
}
