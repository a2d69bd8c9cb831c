package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An app's instance counts on the active project: what a failover restores on a cold standby. */
public class AppScalingRecord {
    @JsonPropertyDescription("Name of the app.")
    public String app;

    @JsonPropertyDescription("scale_min_instances on the active project.")
    public int minInstances;

    @JsonPropertyDescription("scale_max_instances on the active project (0 means no upper limit).")
    public int maxInstances;

    @JsonPropertyDescription("scale_initial_instances on the active project.")
    public int initialInstances;

    public AppScalingRecord() {}

    public AppScalingRecord(String app, int minInstances, int maxInstances, int initialInstances) {
        this.app = app;
        this.minInstances = minInstances;
        this.maxInstances = maxInstances;
        this.initialInstances = initialInstances;
    }
}
