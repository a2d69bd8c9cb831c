package dev.regionguard.edge;

import dev.regionguard.cloud.ApiKey;

/** Makes the client of a CIS instance, named by its CRN, with an API key allowed to use it. */
public interface CisClients {
    CisClient forInstance(String instanceCrn, ApiKey apiKey);
}
