package dev.regionguard.spec;

import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.FailoverSpec;
import java.time.Duration;

/**
 * A protection's {@code spec.failover}, parsed.
 *
 * @param quorum null when no witnesses are configured: the operator's own probes decide
 */
public record FailoverSettings(FailoverMode mode, Duration cooldown, String endpointConfigMap, QuorumSettings quorum) {
    /** The CRD's defaults (declared on {@link FailoverSpec}), parsed. */
    public static final FailoverSettings DEFAULTS = parse(new FailoverSpec(), new FailoverSpec());

    public FailoverSettings(FailoverMode mode, Duration cooldown, String endpointConfigMap) {
        this(mode, cooldown, endpointConfigMap, null);
    }

    public static FailoverSettings of(FailoverSpec spec) throws Blocked {
        if (spec == null) {
            return DEFAULTS;
        }
        FailoverSettings settings;
        try {
            settings = parse(spec, new FailoverSpec());
        } catch (IllegalArgumentException e) {
            throw Blocked.spec("failover.cooldown: " + e.getMessage());
        }
        try {
            return new FailoverSettings(
                    settings.mode, settings.cooldown, settings.endpointConfigMap, QuorumSettings.of(spec.quorum));
        } catch (IllegalArgumentException e) {
            throw Blocked.spec("failover.quorum: " + e.getMessage());
        }
    }

    private static FailoverSettings parse(FailoverSpec spec, FailoverSpec defaults) {
        return new FailoverSettings(
                spec.mode == null ? defaults.mode : spec.mode,
                Durations.parseOr(spec.cooldown, defaults.cooldown),
                spec.endpointConfigMap);
    }
}
