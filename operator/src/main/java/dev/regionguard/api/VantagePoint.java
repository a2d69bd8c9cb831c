package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.TreeMap;

/** One vantage point's view of the protection's regions, as the quorum counted it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VantagePoint {
    /** The operator's own probes, in the list of vantage points. */
    public static final String OPERATOR = "operator";

    @JsonPropertyDescription("'operator' for the operator's own probes, else the witness's vantage name.")
    public String name;

    @JsonPropertyDescription(
            "While the view is stale: when this vantage point last reported (absent when it never did). Not written while fresh, so that each report does not rewrite the status.")
    public String lastReportedAt;

    @JsonPropertyDescription("Whether the view is recent enough (spec.failover.quorum.maxAge) to count.")
    public Boolean fresh;

    @JsonPropertyDescription("Health of each region from this vantage point.")
    public Map<String, HealthState> regions = new TreeMap<>();

    public VantagePoint() {}

    public VantagePoint(String name, String lastReportedAt, boolean fresh, Map<String, HealthState> regions) {
        this.name = name;
        this.lastReportedAt = lastReportedAt;
        this.fresh = fresh;
        this.regions = new TreeMap<>(regions);
    }

    public VantagePoint copy() {
        return new VantagePoint(name, lastReportedAt, Boolean.TRUE.equals(fresh), regions == null ? Map.of() : regions);
    }
}
