package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A metav1-style condition: status is True, False or Unknown; reasons are CamelCase. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Condition {
    @JsonPropertyDescription(
            "Condition type: Ready first, then the kind's own (StandbysInSync, CredentialsValid; Committed for a RegionFailover).")
    public String type;

    @JsonPropertyDescription("True, False or Unknown.")
    public String status;

    @JsonPropertyDescription("Machine-readable CamelCase reason for the status.")
    public String reason;

    @JsonPropertyDescription("Human-readable detail.")
    public String message;

    @JsonPropertyDescription("When status last changed.")
    public String lastTransitionTime;

    @JsonPropertyDescription("The metadata.generation this condition was computed from.")
    public Long observedGeneration;

    public Condition() {}

    public Condition(String type, String status, String reason, String message) {
        this.type = type;
        this.status = status;
        this.reason = reason;
        this.message = message;
    }

    @JsonIgnore // a helper, not a field: without this Jackson writes "true" into status and the CRD schema
    public boolean isTrue() {
        return "True".equals(status);
    }
}
