package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A standby Event Notifications instance in another region. Its overrides must name its own region:
 * an override that points the copy at another region's Key Protect or Code Engine project would
 * only move the dependency, so the schema refuses it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.regionalOverrides) || !has(self.regionalOverrides.integrations)"
                + " || self.regionalOverrides.integrations.all(i, i.type == 'collect_failed_events'"
                + " || i.crn.contains(':' + self.region + ':'))",
        message = "a kms or hs-crypto override names an instance in the standby's own region (the CRN's location)")
@ValidationRule(
        value = "!has(self.regionalOverrides) || !has(self.regionalOverrides.codeEngineProjects)"
                + " || self.regionalOverrides.codeEngineProjects.all(p,"
                + " p.standbyProjectCrn.contains(':codeengine:' + self.region + ':') && (!has(p.standbyAppDomain)"
                + " || p.standbyAppDomain.endsWith('.' + self.region + '.codeengine.appdomain.cloud')))",
        message = "an ibmce override's standby project and app domain are in the standby's own region")
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
