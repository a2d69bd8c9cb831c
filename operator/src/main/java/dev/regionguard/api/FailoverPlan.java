package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** What a RegionFailover changes, fixed when it is validated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverPlan {
    @JsonPropertyDescription("Failover or Relocate: what is executed (a Plan shows what a Failover would do).")
    public FailoverType type;

    @JsonPropertyDescription("The active region before.")
    public String fromRegion;

    @JsonPropertyDescription("The active region after.")
    public String toRegion;

    @JsonPropertyDescription("The protection's epoch after the switch.")
    public Long epoch;

    @JsonPropertyDescription("The endpoint published as active, when known.")
    public String endpoint;

    @JsonPropertyDescription("ConfigMap the endpoint is published in; absent when the protection names none.")
    public String endpointConfigMap;

    @JsonPropertyDescription("What happens per region and object, in order, e.g. 'us-south: fence (best effort)'.")
    public List<String> actions = new ArrayList<>();

    @JsonPropertyDescription(
            "Each vantage point's view of the regions when the failover was validated (with spec.failover.quorum), as the protection's status showed it.")
    public List<VantagePoint> vantagePoints = new ArrayList<>();

    @Size(max = 7)
    @JsonPropertyDescription(
            "What each step is expected to take, from the protection's recorded failovers of this type (a Drill and a Plan: of a Failover).")
    public List<StepDuration> expectedSteps = new ArrayList<>();

    public FailoverPlan copy() {
        FailoverPlan copy = new FailoverPlan();
        copy.type = type;
        copy.fromRegion = fromRegion;
        copy.toRegion = toRegion;
        copy.epoch = epoch;
        copy.endpoint = endpoint;
        copy.endpointConfigMap = endpointConfigMap;
        copy.actions = actions == null ? new ArrayList<>() : new ArrayList<>(actions);
        copy.vantagePoints = vantagePoints == null
                ? new ArrayList<>()
                : new ArrayList<>(vantagePoints.stream().map(VantagePoint::copy).toList());
        copy.expectedSteps = expectedSteps == null
                ? new ArrayList<>()
                : new ArrayList<>(expectedSteps.stream().map(StepDuration::copy).toList());
        return copy;
    }
}
