package dev.regionguard.api;

import java.util.List;

/**
 * What every protection spec has, whatever the service: the sides, the shared API key and the sync,
 * health check and failover settings. The operator reads the shared part of a spec through this
 * view only; each service reads its own fields (EN material, CE standby mode and apps) itself.
 */
public interface ProtectionSpec {
    SideRef primarySide();

    List<? extends SideRef> standbySides();

    SecretKeyRef credentials();

    SyncSpec syncSpec();

    HealthCheckSpec healthCheckSpec();

    FailoverSpec failoverSpec();

    RegionIndependenceSpec regionIndependenceSpec();

    /** Null when the protection asks for no proof of its standbys. */
    VerificationSpec verificationSpec();
}
