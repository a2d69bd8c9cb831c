package dev.regionguard.spec;

import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.FailoverSpec;
import java.time.Duration;

/** A protection's {@code spec.failover}, parsed. */
public record FailoverSettings(FailoverMode mode, Duration cooldown, String endpointConfigMap) {
    public static final FailoverSettings DEFAULTS =
            new FailoverSettings(FailoverMode.Manual, Duration.ofMinutes(30), null);

    public static FailoverSettings of(FailoverSpec spec) throws Blocked {
        if (spec == null) {
            return DEFAULTS;
        }
        Duration cooldown;
        try {
            cooldown = Durations.parseOr(spec.cooldown, DEFAULTS.cooldown);
        } catch (IllegalArgumentException e) {
            throw Blocked.spec("failover.cooldown: " + e.getMessage());
        }
        return new FailoverSettings(
                spec.mode == null ? FailoverMode.Manual : spec.mode, cooldown, spec.endpointConfigMap);
    }
}
