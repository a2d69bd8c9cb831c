package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One IBM Cloud Container Registry host that becomes another on a standby. */
public class RegistryHostOverride {
    /** IBM's regional registries, public or private, and the global icr.io. */
    static final String HOST = "^(private\\.)?((us|de|uk|es|fr2|jp|jp2|au|ca|br)\\.)?icr\\.io$";

    @Required
    @Pattern(HOST)
    @Size(max = 32)
    @JsonPropertyDescription("Registry host in the primary's images, e.g. us.icr.io.")
    public String from;

    @Required
    @Pattern(HOST)
    @Size(max = 32)
    @JsonPropertyDescription("IBM registry host the standby pulls from instead, e.g. de.icr.io.")
    public String to;

    public RegistryHostOverride() {}

    public RegistryHostOverride(String from, String to) {
        this.from = from;
        this.to = to;
    }
}
