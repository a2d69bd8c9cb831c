package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The vantage points an automatic failover must hear from: the operator itself and the named
 * witnesses. Without witnesses the operator decides alone, as before.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.required) || self.required <= (has(self.witnesses) ? size(self.witnesses) : 0) + 1",
        message = "quorum.required cannot exceed the vantage points: the operator and its witnesses")
public class QuorumSpec {
    /** A witness's name; checked when the spec is parsed (CEL may not read unbounded list items). */
    public static final String VANTAGE_NAME = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    static final String DEFAULT_MAX_AGE = "1m";

    @Size(max = 8)
    @JsonPropertyDescription(
            "Witnesses (by vantage name: lower case letters, digits and '-', each once) whose RegionObservations count, besides the operator's own probes. Code Engine with spec.edge: 'cis' counts CIS's health checks of each region's pool.")
    public List<String> witnesses = new ArrayList<>();

    @Min(1)
    @Max(9)
    @JsonPropertyDescription(
            "Vantage points that must each see the active region Unhealthy and the target Healthy before an automatic failover. Defaults to a majority of the operator and its witnesses.")
    public Integer required;

    @Pattern(SyncSpec.DURATION)
    @Size(max = SyncSpec.DURATION_MAX_LENGTH)
    @JsonPropertyDescription(
            "A witness's view older than this does not count (it is stale). Defaults to 1m; keep it a few health check intervals.")
    public String maxAge = DEFAULT_MAX_AGE;
}
