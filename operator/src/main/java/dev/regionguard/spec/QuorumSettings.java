package dev.regionguard.spec;

import dev.regionguard.api.QuorumSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A protection's {@code spec.failover.quorum}, parsed: the witnesses besides the operator, how many
 * vantage points must agree, and how old a witness's view may be.
 */
public record QuorumSettings(List<String> witnesses, int required, Duration maxAge) {

    public QuorumSettings {
        witnesses = List.copyOf(witnesses);
        for (String w : witnesses) {
            if (w.length() > 63 || !w.matches(QuorumSpec.VANTAGE_NAME)) {
                throw new IllegalArgumentException(
                        "witness '" + w + "' is not a name of lower case letters, digits and '-' (at most 63)");
            }
        }
        if (Set.copyOf(witnesses).size() != witnesses.size()) {
            throw new IllegalArgumentException("a witness is named twice: " + witnesses);
        }
        if (required < 1 || required > witnesses.size() + 1) {
            throw new IllegalArgumentException(
                    "required must be within 1.." + (witnesses.size() + 1) + ": " + required);
        }
    }

    /** Null when the spec names no quorum: the operator's own probes decide alone. */
    static QuorumSettings of(QuorumSpec spec) {
        if (spec == null) {
            return null;
        }
        List<String> witnesses = spec.witnesses == null ? List.of() : spec.witnesses;
        int vantagePoints = witnesses.size() + 1;
        return new QuorumSettings(
                witnesses,
                spec.required == null ? vantagePoints / 2 + 1 : spec.required,
                Durations.parseOr(spec.maxAge, new QuorumSpec().maxAge));
    }

    public int vantagePoints() {
        return witnesses.size() + 1;
    }
}
