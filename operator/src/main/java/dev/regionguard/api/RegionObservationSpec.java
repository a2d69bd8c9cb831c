package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Whose view this is, and of which protection. Set by the witness when it creates the object. */
public class RegionObservationSpec {
    @Required
    @JsonPropertyDescription("The protection whose regions the witness probes.")
    public ProtectionRef protectionRef;

    @Required
    @Pattern(QuorumSpec.VANTAGE_NAME)
    @Size(max = 63)
    @JsonPropertyDescription(
            "Name of the witness (its vantage point), as listed in the protection's spec.failover.quorum.witnesses.")
    public String vantage;
}
