package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** What the primary's regional references become in one standby's region (Code Engine). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CeRegionalOverrides {
    @Size(max = 32)
    @JsonPropertyDescription("Registry hosts of app, job and function images and build output images.")
    public List<RegistryHostOverride> registryHosts = new ArrayList<>();

    @Size(max = 64)
    @JsonPropertyDescription("Image pull secrets by name, e.g. the primary region's automatic registry secret.")
    public List<NameOverride> imageSecrets = new ArrayList<>();

    @Size(max = 64)
    @JsonPropertyDescription("Function runtimes that do not exist in the standby's region.")
    public List<NameOverride> functionRuntimes = new ArrayList<>();
}
