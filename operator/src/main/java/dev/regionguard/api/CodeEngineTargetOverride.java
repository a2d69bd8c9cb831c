package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The Code Engine project an {@code ibmce} destination targets on the primary, and the one that
 * takes its place in a standby's region: the project CRN (job destinations) and the project's app
 * domain (application URLs). Domains are Code Engine's own, {@code <subdomain>.<region>.codeengine.appdomain.cloud}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "has(self.appDomain) == has(self.standbyAppDomain)",
        message = "appDomain and standbyAppDomain come together")
public class CodeEngineTargetOverride {
    static final String PROJECT_CRN = "^crn:v1:[a-z0-9-]+:[a-z0-9-]+:codeengine:[a-z]{2}-[a-z]{2,5}:a/[0-9a-f]{32}:"
            + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}::$";
    static final String APP_DOMAIN = "^[a-z0-9]{1,63}\\.[a-z]{2}-[a-z]{2,5}\\.codeengine\\.appdomain\\.cloud$";

    @Required
    @Pattern(PROJECT_CRN)
    @Size(max = 256)
    @JsonPropertyDescription("CRN of the Code Engine project the primary's ibmce destinations target.")
    public String projectCrn;

    @Required
    @Pattern(PROJECT_CRN)
    @Size(max = 256)
    @JsonPropertyDescription("CRN of the project in the standby's region that takes its place.")
    public String standbyProjectCrn;

    @Pattern(APP_DOMAIN)
    @Size(max = 128)
    @JsonPropertyDescription(
            "App domain of the primary's project, e.g. 1a2b3c4d5e.us-south.codeengine.appdomain.cloud.")
    public String appDomain;

    @Pattern(APP_DOMAIN)
    @Size(max = 128)
    @JsonPropertyDescription("App domain of the standby's project.")
    public String standbyAppDomain;

    public CodeEngineTargetOverride() {}

    public CodeEngineTargetOverride(String projectCrn, String standbyProjectCrn) {
        this.projectCrn = projectCrn;
        this.standbyProjectCrn = standbyProjectCrn;
    }
}
