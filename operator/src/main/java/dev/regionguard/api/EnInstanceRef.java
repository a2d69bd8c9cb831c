package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** An Event Notifications instance: its region and GUID. */
public class EnInstanceRef implements SideRef {
    static final String REGION = "^[a-z]{2}-[a-z]{2,5}$"; // eu-de and eu-gb have two letters after the dash
    static final String GUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    @Required
    @Pattern(REGION)
    @ValidationRule(
            value = IbmRegions.EVENT_NOTIFICATIONS_RULE,
            messageExpression = IbmRegions.EVENT_NOTIFICATIONS_MESSAGE)
    @Size(max = 16) // redundant with the pattern, but the API server's CEL cost estimate only reads maxLength
    @JsonPropertyDescription("IBM Cloud region with Event Notifications, e.g. us-south.")
    public String region;

    @Required
    @Pattern(GUID)
    @JsonPropertyDescription("GUID of the Event Notifications instance (36 characters).")
    public String instanceId;

    public EnInstanceRef() {}

    public EnInstanceRef(String region, String instanceId) {
        this.region = region;
        this.instanceId = instanceId;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String id() {
        return instanceId;
    }
}
