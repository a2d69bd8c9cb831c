package dev.regionguard.api;

import java.util.List;

/**
 * What every protection spec has, whatever the service: the sides, the shared API key and the sync,
 * health check and failover settings. The operator reads a protection through this view only.
 */
public interface ProtectionSpec {
    SideRef primarySide();

    List<? extends SideRef> standbySides();

    SecretKeyRef credentials();

    SyncSpec syncSpec();

    HealthCheckSpec healthCheckSpec();

    FailoverSpec failoverSpec();
}
