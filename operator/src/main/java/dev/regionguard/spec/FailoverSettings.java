package dev.regionguard.spec;

import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.FailoverSpec;
import java.time.Duration;

/** A protection's {@code spec.failover}, parsed. */
public record FailoverSettings(FailoverMode mode, Duration cooldown, String endpointConfigMap) {
    /** The CRD's defaults (declared on {@link FailoverSpec}), parsed. */
    public static final FailoverSettings DEFAULTS = parse(new FailoverSpec(), new FailoverSpec());

    public static FailoverSettings of(FailoverSpec spec) throws Blocked {
        if (spec == null) {
            return DEFAULTS;
        }
        try {
            return parse(spec, new FailoverSpec());
        } catch (IllegalArgumentException e) {
            throw Blocked.spec("failover.cooldown: " + e.getMessage());
        }
    }

    private static FailoverSettings parse(FailoverSpec spec, FailoverSpec defaults) {
        return new FailoverSettings(
                spec.mode == null ? defaults.mode : spec.mode,
                Durations.parseOr(spec.cooldown, defaults.cooldown),
                spec.endpointConfigMap);
    }
}
