package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * The fields every protection spec has, whatever the service: the shared API key and the sync, health
 * check and failover settings. Each kind adds its sides and its own settings.
 */
public abstract class CommonProtectionSpec implements ProtectionSpec {
    @Required
    @JsonPropertyDescription(
            "Secret key holding the IBM Cloud API key used for the primary and, unless they name their own, the standbys.")
    public SecretKeyRef credentialsSecretRef;

    @JsonPropertyDescription("Sync interval, mode, deletion cap and entity types.")
    public SyncSpec sync = new SyncSpec();

    @JsonPropertyDescription("How often each region is probed and how many probes make it Unhealthy or Healthy again.")
    public HealthCheckSpec healthCheck = new HealthCheckSpec();

    @JsonPropertyDescription(
            "Manual or Automatic failover, the cooldown between automatic failovers, and where the active endpoint is published.")
    public FailoverSpec failover = new FailoverSpec();

    @JsonPropertyDescription(
            "What the region independence audit accepts on a standby: references to another region kept on purpose.")
    public RegionIndependenceSpec regionIndependence = new RegionIndependenceSpec();

    @Override
    public SecretKeyRef credentials() {
        return credentialsSecretRef;
    }

    @Override
    public SyncSpec syncSpec() {
        return sync;
    }

    @Override
    public HealthCheckSpec healthCheckSpec() {
        return healthCheck;
    }

    @Override
    public FailoverSpec failoverSpec() {
        return failover;
    }

    @Override
    public RegionIndependenceSpec regionIndependenceSpec() {
        return regionIndependence;
    }
}
