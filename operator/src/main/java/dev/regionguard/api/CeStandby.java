package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A standby Code Engine project in another region. A registry override must name the global registry
 * or the standby region's own: another region's registry would only move the dependency.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = IbmRegions.OWN_REGISTRY_RULE,
        message = "a registry override names the standby region's own registry (e.g. de.icr.io for eu-de)"
                + " or the global icr.io")
public class CeStandby extends CeProjectRef {
    @JsonPropertyDescription("API key for this standby's region, when it differs from spec.credentialsSecretRef.")
    public SecretKeyRef credentialsSecretRef;

    @JsonPropertyDescription(
            "What the primary's regional references (KMS, COS, registry hosts, ...) become in this region.")
    public CeRegionalOverrides regionalOverrides;

    public CeStandby() {}

    public CeStandby(String region, String projectId) {
        super(region, projectId);
    }

    @Override
    public SecretKeyRef ownCredentials() {
        return credentialsSecretRef;
    }
}
