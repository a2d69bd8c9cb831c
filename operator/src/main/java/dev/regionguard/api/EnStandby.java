package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A standby Event Notifications instance in another region. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnStandby extends EnInstanceRef {
    @JsonPropertyDescription("API key for this standby's region, when it differs from spec.credentialsSecretRef.")
    public SecretKeyRef credentialsSecretRef;

    @JsonPropertyDescription(
            "What the primary's regional references (KMS, COS, registry hosts, ...) become in this region.")
    public EnRegionalOverrides regionalOverrides;

    public EnStandby() {}

    public EnStandby(String region, String instanceId) {
        super(region, instanceId);
    }

    @Override
    public SecretKeyRef ownCredentials() {
        return credentialsSecretRef;
    }
}
