package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** What the region independence audit may find on a standby without holding back a failover to it. */
public class RegionIndependenceSpec {
    @Size(max = 50)
    @JsonPropertyDescription(
            "References to another region that are accepted on purpose (e.g. a key kept in one region): they are counted apart and do not make a standby unready.")
    public List<AcceptedRegionReference> acceptedReferences = new ArrayList<>();
}
