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
    // Bounded so that no accepted duration overflows a long of nanoseconds (4 x 99999h is about 45 years);
    // the parser (spec.Durations) checks the same pattern, so what the schema accepts always parses.
    public static final int DURATION_MAX_DIGITS = 5;
    public static final int DURATION_MAX_PARTS = 4;
    public static final int DURATION_MAX_LENGTH = 32;
    public static final String DURATION =
            "^([0-9]{1," + DURATION_MAX_DIGITS + "}(ms|s|m|h)){1," + DURATION_MAX_PARTS + "}$";
    // Each default is written once, here: the CRD default and the Java default read the same constant.
    static final String DEFAULT_INTERVAL = "5m";
    static final String DEFAULT_MODE = "Mirror";
    public static final int DEFAULT_MAX_DELETIONS = 10;
    static final String DEFAULT_FULL_COMPARE_INTERVAL = "1h";

    @Default(DEFAULT_INTERVAL)
    @Pattern(DURATION)
    @Size(max = DURATION_MAX_LENGTH)
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
    @Size(max = DURATION_MAX_LENGTH)
    @JsonPropertyDescription(
            "Between full comparisons. Other passes read in full only entities whose list entry changed on either side. Defaults to 1h.")
    public String fullCompareInterval = DEFAULT_FULL_COMPARE_INTERVAL;

    @Size(max = 10) // one per entity type (Code Engine has 10); also bounds the CEL cost estimate of the rule that
    // checks the names
    @JsonPropertyDescription(
            "Entity types to sync. Event Notifications: integration, source, smtp_config, smtp_user, destination, template, topic, subscription, tag_subscription (synced only when named: a device must register with each instance itself). Code Engine: secret, config_map, persistent_data_store, allowed_outbound_destination, build, app, job, function, binding, domain_mapping. Empty or absent means all of them but tag_subscription.")
    public List<String> entities = new ArrayList<>();
}
