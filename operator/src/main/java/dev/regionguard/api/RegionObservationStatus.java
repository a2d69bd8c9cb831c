package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The witness's latest view: each region's health as its own probes found it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RegionObservationStatus {
    @JsonPropertyDescription(
            "When the witness last probed the regions: a view older than the quorum's maxAge does not count.")
    public String observedAt;

    @JsonPropertyDescription("Health of each region of the protection, from this vantage point.")
    public List<RegionStatus> regions = new ArrayList<>();
}
