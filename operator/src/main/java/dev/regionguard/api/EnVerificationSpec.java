package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** Event Notifications: IBM's destination test call, on the standby's copy of each named destination. */
public class EnVerificationSpec extends VerificationSpec {
    @Required
    @Size(min = 1, max = 10)
    @JsonPropertyDescription(
            "Names of destinations (as on the primary) whose standby copy receives IBM's test call (POST .../destinations/{id}/test); IBM supports it for slack, pagerduty, servicenow, msteams, ibmce, ibmcf, ibmcos and webhook destinations.")
    public List<String> destinations = new ArrayList<>();
}
