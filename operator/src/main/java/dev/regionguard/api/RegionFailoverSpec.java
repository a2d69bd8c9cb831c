package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A one-shot request to move a protection's active region. Create a new one for every failover; never edit. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self == oldSelf",
        message = "a RegionFailover's spec cannot be changed once created; create a new RegionFailover")
public class RegionFailoverSpec {
    @Required
    @JsonPropertyDescription("The protection to fail over, in this namespace.")
    public ProtectionRef protectionRef;

    @Pattern(EnInstanceRef.REGION)
    @Size(max = 16)
    @ValidationRule(value = IbmRegions.ANY_SERVICE_RULE, messageExpression = IbmRegions.ANY_SERVICE_MESSAGE)
    @JsonPropertyDescription(
            "Region to make active. Absent: for Failover and Plan the best ready standby (most recent successful sync first), for Relocate the original primary.")
    public String targetRegion;

    @Required
    @JsonPropertyDescription(
            "Failover: make a standby active; the old active region need not answer. Relocate: planned move back to the original primary or a fenced region (both healthy, final sync first). Plan: write what a Failover would do into status and change nothing. Drill: validate as a Failover would, prove the target with spec.verification's checks, record it in the failover history, change nothing.")
    public FailoverType type;

    @Required
    @Size(min = 1, max = 1024)
    @JsonPropertyDescription("Why, for the failover history and the Events, e.g. an incident number.")
    public String reason;

    @Default("false")
    @JsonPropertyDescription(
            "Fail over even when the target standby is not ready (stale sync, not Healthy, entities that failed to sync, or fenced). Defaults to false.")
    public Boolean force = false;
}
