package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A standby Code Engine project in another region. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
