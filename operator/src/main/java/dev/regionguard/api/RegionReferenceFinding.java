package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A reference to another region found in a standby's copy. */
public class RegionReferenceFinding {
    @JsonPropertyDescription("Entity type, e.g. integration.")
    public String kind;

    @JsonPropertyDescription("Entity name (its key), e.g. webhook/ops-hook.")
    public String name;

    @JsonPropertyDescription("JSON field path inside the entity, e.g. metadata.endpoint.")
    public String field;

    @JsonPropertyDescription("The other region the field refers to.")
    public String region;

    @JsonPropertyDescription("The host or CRN that names the region (never a whole value).")
    public String value;

    public RegionReferenceFinding() {}

    public RegionReferenceFinding(String kind, String name, String field, String region, String value) {
        this.kind = kind;
        this.name = name;
        this.field = field;
        this.region = region;
        this.value = value;
    }
}
