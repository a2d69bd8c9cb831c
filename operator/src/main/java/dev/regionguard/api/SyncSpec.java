package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** How and how often standbys are brought in line with the primary. */
public class SyncSpec {
    static final String DURATION = "^([0-9]+(ms|s|m|h))+$";
    // Each default is written once, here: the CRD default and the Java default read the same constant.
    static final String DEFAULT_INTERVAL = "5m";
    static final String DEFAULT_MODE = "Mirror";
    static final int DEFAULT_MAX_DELETIONS = 10;
    static final String DEFAULT_FULL_COMPARE_INTERVAL = "1h";

    @Default(DEFAULT_INTERVAL)
    @Pattern(DURATION)
    @JsonPropertyDescription("Time between sync passes, e.g. 30s, 5m, 1h. Defaults to 5m.")
    public String interval = DEFAULT_INTERVAL;

    @Default(DEFAULT_MODE)
    @JsonPropertyDescription(
            "Mirror creates, updates and deletes; UpsertOnly never deletes; ObserveOnly writes nothing and reports drift. Defaults to Mirror.")
    public SyncMode mode = SyncMode.valueOf(DEFAULT_MODE);

    @Default("" + DEFAULT_MAX_DELETIONS)
    @Min(0)
    @Max(1000)
    @JsonPropertyDescription(
            "Most entities deleted on one standby in one pass; the rest wait for later passes and show in status. Defaults to 10.")
    public Integer maxDeletionsPerPass = DEFAULT_MAX_DELETIONS;

    @Default(DEFAULT_FULL_COMPARE_INTERVAL)
    @Pattern(DURATION)
    @JsonPropertyDescription(
            "Between full comparisons. Other passes read in full only entities whose list entry changed on either side. Defaults to 1h.")
    public String fullCompareInterval = DEFAULT_FULL_COMPARE_INTERVAL;

    @Size(max = 9) // one per entity type (Code Engine has 9); also bounds the CEL cost estimate of the rule that
    // checks the names
    @JsonPropertyDescription(
            "Entity types to sync: integration, source, smtp_config, destination, template, topic, subscription. Empty or absent means all.")
    public List<String> entities = new ArrayList<>();
}
