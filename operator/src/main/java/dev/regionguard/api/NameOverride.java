package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A name on the primary (a secret, a runtime) that is another on a standby. */
public class NameOverride {
    private static final String NAME = "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$";

    @Required
    @Pattern(NAME)
    @Size(max = 253)
    @JsonPropertyDescription("The name on the primary.")
    public String from;

    @Required
    @Pattern(NAME)
    @Size(max = 253)
    @JsonPropertyDescription("The name in the standby's region.")
    public String to;

    public NameOverride() {}

    public NameOverride(String from, String to) {
        this.from = from;
        this.to = to;
    }
}
