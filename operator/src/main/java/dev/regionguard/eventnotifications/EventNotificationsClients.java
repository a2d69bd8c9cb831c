package dev.regionguard.eventnotifications;

import dev.regionguard.cloud.ApiKey;

/** Makes clients for instances; one factory shares the HTTP client, token cache and region limits. */
public interface EventNotificationsClients {
    EventNotificationsClient forInstance(String region, String instanceId, ApiKey apiKey);
}
