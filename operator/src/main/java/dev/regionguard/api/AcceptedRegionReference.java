package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A reference to another region the owner accepts: each part a glob, '*' matching any characters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AcceptedRegionReference {
    @Required
    @Pattern("^(\\*|[a-z][a-z_]*)$")
    @Size(max = 63)
    @JsonPropertyDescription("Entity type as status names it (e.g. integration, destination, app), or * for any.")
    public String kind;

    @Size(min = 1, max = 253)
    @JsonPropertyDescription("Entity name as status names it (e.g. webhook/ops-hook), a glob; absent means any.")
    public String name;

    @Pattern("^[A-Za-z0-9_.*\\[\\]-]+$")
    @Size(max = 253)
    @JsonPropertyDescription("JSON field path as status names it (e.g. metadata.endpoint), a glob; absent means any.")
    public String field;

    public AcceptedRegionReference() {}

    public AcceptedRegionReference(String kind, String name, String field) {
        this.kind = kind;
        this.name = name;
        this.field = field;
    }
}
