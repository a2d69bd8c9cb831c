package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A key of a Secret in the namespace of the resource that names it. */
public class SecretKeyRef {
    static final String DEFAULT_KEY = "apikey";

    @Required
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @JsonPropertyDescription("Name of the Secret, in the same namespace as this resource.")
    public String name;

    @Default(DEFAULT_KEY)
    @JsonPropertyDescription("Key in the Secret that holds the IBM Cloud API key. Defaults to 'apikey'.")
    public String key = DEFAULT_KEY;

    public SecretKeyRef() {}

    public SecretKeyRef(String name, String key) {
        this.name = name;
        this.key = key;
    }
}
