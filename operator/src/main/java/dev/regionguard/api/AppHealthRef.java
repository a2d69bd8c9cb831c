package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** An app whose endpoint the health checks probe in each region. */
public class AppHealthRef {
    @Required
    @JsonPropertyDescription("Name of the app (the same in every project).")
    public String name;

    @Default("/")
    @Pattern("^/.*")
    @JsonPropertyDescription("Path probed on the app's endpoint; 2xx means healthy. Defaults to /.")
    public String healthPath = "/";

    public AppHealthRef() {}

    public AppHealthRef(String name, String healthPath) {
        this.name = name;
        this.healthPath = healthPath;
    }
}
