package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * What the primary's integration of one type becomes on a standby. The endpoint is not given: it
 * is IBM's host for the standby's region (Key Protect, HPCS with its port, COS).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.type != 'hs-crypto' || has(self.port)", message = "an hs-crypto override needs port")
@ValidationRule(
        value = "self.type != 'collect_failed_events' || has(self.bucketName)",
        message = "a collect_failed_events override needs bucketName")
public class EnIntegrationOverride {
    public static final String CRN =
            "^crn:v1:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]*:[a-zA-Z0-9/_-]*:[a-zA-Z0-9_-]*:[a-zA-Z0-9_-]*:[a-zA-Z0-9/_.-]*$";

    @Required
    @Pattern("^(kms|hs-crypto|collect_failed_events)$")
    @Size(max = 32)
    @JsonPropertyDescription(
            "The primary's integration type: kms (Key Protect), hs-crypto or collect_failed_events (COS).")
    public String type;

    @Required
    @Pattern(CRN)
    @Size(max = 512)
    @JsonPropertyDescription("CRN of the standby region's Key Protect or HPCS instance, or COS instance.")
    public String crn;

    @Pattern("^[a-zA-Z0-9-]+$")
    @Size(max = 64)
    @JsonPropertyDescription("Root key ID in that instance (kms and hs-crypto).")
    public String rootKeyId;

    @Pattern("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
    @JsonPropertyDescription("Bucket in the standby's region (collect_failed_events).")
    public String bucketName;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("Port of the HPCS instance's endpoint api.<region>.hs-crypto.cloud.ibm.com (hs-crypto).")
    public Integer port;

    public EnIntegrationOverride() {}

    public EnIntegrationOverride(String type, String crn) {
        this.type = type;
        this.crn = crn;
    }
}
