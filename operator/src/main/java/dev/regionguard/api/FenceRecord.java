package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.TreeMap;

/** One fence of a region: what it changes, recorded before it is made, and whether it was undone. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FenceRecord {
    @JsonPropertyDescription("The fenced region.")
    public String region;

    @JsonPropertyDescription(
            "The values the fence changes, as they were before it (e.g. source.<id>: enabled; app.<name>: scaling"
                    + " and visibility; mapping.<name>: app and TLS secret name).")
    public Map<String, String> original = new TreeMap<>();

    @JsonPropertyDescription("True once the fence was undone.")
    public Boolean undone;

    public FenceRecord() {}

    public FenceRecord(String region, Map<String, String> original) {
        this.region = region;
        this.original = new TreeMap<>(original);
    }

    public boolean isUndone() {
        return Boolean.TRUE.equals(undone);
    }

    public FenceRecord copy() {
        FenceRecord copy = new FenceRecord(region, original == null ? Map.of() : original);
        copy.undone = undone;
        return copy;
    }
}
