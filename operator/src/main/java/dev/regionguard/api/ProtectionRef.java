package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A protection in the namespace of the resource that names it. */
public class ProtectionRef {
    @Required
    @JsonPropertyDescription("EventNotificationsProtection or CodeEngineProtection.")
    public ProtectionKind kind;

    @Required
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @Size(max = 253)
    @JsonPropertyDescription("Name of the protection, in the same namespace as this resource.")
    public String name;

    public ProtectionRef() {}

    public ProtectionRef(ProtectionKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }
}
