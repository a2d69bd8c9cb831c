package dev.regionguard.spec;

import dev.regionguard.api.ProtectionSpec;
import dev.regionguard.sync.EntityType;
import java.util.List;

/**
 * A protection's spec, parsed once per generation: sync, health check and failover settings, each
 * on its own (null when it is unusable), and the first problem in that order.
 */
public record ProtectionSettings(
        SyncSettings sync,
        HealthCheckSettings health,
        FailoverSettings failover,
        VerificationSettings verification,
        Blocked problem) {

    public static ProtectionSettings parse(ProtectionSpec spec, List<EntityType> entityTypes) {
        Blocked problem = null;
        SyncSettings sync = null;
        HealthCheckSettings health = null;
        FailoverSettings failover = null;
        VerificationSettings verification = null;
        try {
            sync = SyncSettings.of(spec.syncSpec(), entityTypes);
        } catch (Blocked e) {
            problem = e;
        }
        try {
            health = HealthCheckSettings.of(spec.healthCheckSpec());
        } catch (Blocked e) {
            problem = problem == null ? e : problem;
        }
        try {
            failover = FailoverSettings.of(spec.failoverSpec());
        } catch (Blocked e) {
            problem = problem == null ? e : problem;
        }
        try {
            verification = VerificationSettings.of(spec.verificationSpec());
        } catch (Blocked e) {
            problem = problem == null ? e : problem;
        }
        return new ProtectionSettings(sync, health, failover, verification, problem);
    }

    /** @throws Blocked the spec's first problem, when it has one */
    public ProtectionSettings check() throws Blocked {
        if (problem != null) {
            throw problem;
        }
        return this;
    }
}
